#!/usr/bin/env python3
"""Benchmark of the planning stage: start-up time, memory, and how fast officials' submissions go through.

Starts the packaged application (demo users, a fresh H2 file database in a temporary folder, a free port on
127.0.0.1), files N purchase requests through the REST API as a purchasing department (the same call Tasklist's
start form makes), then has the finance bureau claim and approve each one, and prints latencies and throughput
and the process's resident memory. Everything runs on this machine; the loops are bounded by N.

usage: ./mvnw -q -DskipTests package && python3 bench/planning_bench.py [--requests 50]
"""
import argparse, base64, datetime, glob, json, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time
import urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def call(base, user, method, path, body=None):
    request = urllib.request.Request(base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json",
                 "Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode()})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        payload = response.read()
    return time.perf_counter() - started, (json.loads(payload) if payload else None)

def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")

def summary(name, seconds):
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    print(f"{name:<28} n={len(ms):<4} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   "
          f"throughput {len(ms) / sum(seconds):6.1f}/s (one client)")

def request(i, start):
    def v(value, kind=None):
        return {"value": value, **({"type": kind} if kind else {})}
    return {"variables": {
        "serviceName": v(f"基准测试居家养老服务{i:04d}"), "serviceCategory": v("ELDERLY_CARE"),
        "serviceDescription": v("为辖区老人提供助餐、助洁上门服务。"), "serviceStandards": v("每月上门不少于8次。"),
        "indicatorsText": v("服务对象满意度：90%\n上门服务人次：9600人次"), "budget": v(800000 + i),
        "servicePeriodStart": v(start.isoformat()), "servicePeriodEnd": v((start + datetime.timedelta(days=364)).isoformat()),
        "region": v("南通市崇川区"), "servesPublic": v(True), "needsAssessment": v("入户问卷调查"),
        "surveyRespondents": v(60)}}

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    jars = glob.glob(os.path.join(os.path.dirname(__file__), "..", "target", "procurement-*.jar"))
    jars = [j for j in jars if not j.endswith(".original")]
    if not jars:
        sys.exit("no packaged application: run ./mvnw -q -DskipTests package first")
    work = tempfile.mkdtemp(prefix="procurement-bench-")
    port = free_port()
    command = ["java", "-jar", os.path.abspath(jars[0]), "--spring.profiles.active=demo",
               f"--server.port={port}", "--server.address=127.0.0.1", "--procurement.mail.demo-server.port=0"]
    log = open(os.path.join(work, "app.log"), "w")
    started = time.perf_counter()
    app = subprocess.Popen(command, cwd=work, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/engine-rest"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health", timeout=2) as r:
                    if b'"UP"' in r.read():
                        break
            except OSError:
                time.sleep(0.5)
        else:
            sys.exit("the application did not come up; see " + log.name)
        print(f"start-up until health UP: {time.perf_counter() - started:.1f} s, RSS {rss_mib(app.pid):.0f} MiB")

        start = datetime.date.today() + datetime.timedelta(days=60)
        filed, instances = [], []
        for i in range(args.requests):
            seconds, instance = call(base, "minzheng", "POST",
                "/process-definition/key/PublicServicePurchase/submit-form", request(i, start))
            filed.append(seconds)
            instances.append(instance["id"])
        approved = []
        for instance in instances:
            _, tasks = call(base, "caizheng", "GET", f"/task?processInstanceId={instance}")
            task = tasks[0]["id"]
            claim_seconds, _ = call(base, "caizheng", "POST", f"/task/{task}/claim", {"userId": "caizheng"})
            seconds, _ = call(base, "caizheng", "POST", f"/task/{task}/submit-form",
                {"variables": {"reviewDecision": {"value": "APPROVE"}, "reviewComment": {"value": "同意。"}}})
            approved.append(claim_seconds + seconds)
        summary("file a request", filed)
        summary("claim + approve a review", approved)
        print(f"RSS after {args.requests} purchases: {rss_mib(app.pid):.0f} MiB")
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
