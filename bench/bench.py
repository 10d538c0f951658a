#!/usr/bin/env python3
"""The application against the bare Camunda starter, and the portal's and Tasklist's lists as the data grows.

Run it with `bench/run` (quick, a few minutes) or `bench/run full`; docs/performance.md explains every figure.

Purchase: the application (A, demo profile) and the bare Camunda 7.24 starter (B, bench/bare) each start on a fresh
H2 file database and take the same REST calls for one planning purchase: file the request (start form), look up
the finance task, claim it, complete it. A and B alternate, round after round; each figure is the ratio A/B within
a round, printed as min / median / max over the rounds.

Growth: three copies of the application hold 1k, 10k and 100k notices and open finance tasks (10k and 100k in
full mode); the portal's keyword search (page 1, last page) and the finance group's Tasklist list (15 newest) are
requested from the three in turn, on H2 and on PostgreSQL (Debian's PostgreSQL binaries, a throw-away cluster).
Notices are inserted in bulk by SQL; open tasks are real engine tasks (a few purchases filed through REST) copied
row for row by SQL (their execution, task, candidate link, task authorization and variables) with new ids.

Everything runs on 127.0.0.1 with free ports and temporary folders, and every process is stopped at the end.
"""
import argparse
import base64
import datetime
import glob
import html
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PG_BIN = "/usr/lib/postgresql/15/bin"
PASSWORD = "demo"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# processes


class Server:
    """One JVM of the application or of the bare starter, in its own folder, on its own port."""

    def __init__(self, name, jar, work, jvm_opts, args):
        self.name, self.jar, self.work, self.jvm_opts, self.args = name, jar, work, jvm_opts, args
        self.port = free_port()
        self.process = None
        self.connection = None
        os.makedirs(work, exist_ok=True)
        self.log_path = os.path.join(work, "server.log")

    def start(self):
        command = ["java", *self.jvm_opts, "-jar", self.jar, f"--server.port={self.port}",
                   "--server.address=127.0.0.1", *self.args]
        self.log_file = open(self.log_path, "a")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=self.work, stdout=self.log_file, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        return self

    def wait_up(self, timeout=600):
        """Seconds from the start of the JVM until /actuator/health answers UP."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} ended with {self.process.returncode}; see {self.log_path}")
            try:
                probe = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                probe.request("GET", "/actuator/health")
                response = probe.getresponse()
                if response.status == 200 and b'"UP"' in response.read():
                    return time.perf_counter() - self.started
            except (OSError, http.client.HTTPException):
                pass
            finally:
                probe.close()
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not come up in {timeout} s; see {self.log_path}")

    def request(self, method, path, body=None, user="admin", accept="application/json"):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        headers = {"Accept": accept}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body).encode()
        if user:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # the server closed an idle kept-alive connection before reading the request: send it again
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
                if attempt == 2:
                    raise
            except (OSError, http.client.HTTPException):
                self.connection = None
                raise

    def call(self, method, path, body=None, user="admin", accept="application/json"):
        """A REST call that must succeed; returns (seconds, decoded JSON or None)."""
        started = time.perf_counter()
        status, payload = self.request(method, path, body, user, accept=accept)
        seconds = time.perf_counter() - started
        if status >= 300:
            raise RuntimeError(f"{self.name}: {method} {path} answered {status}: {payload[:300]!r}")
        return seconds, (json.loads(payload) if payload and payload[:1] in b"[{" else payload)

    def rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def stop(self):
        """Stops the JVM as a service manager does (SIGTERM); returns the ERROR lines it logged while stopping."""
        if self.process is None or self.process.poll() is not None:
            return []
        self.connection = None
        self.log_file.flush()
        mark = os.path.getsize(self.log_path)
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log_file.close()
        with open(self.log_path, errors="replace") as f:
            f.seek(mark)
            return [line.rstrip() for line in f if re.search(r"\bERROR\b", line)]

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


class Postgres:
    """A throw-away PostgreSQL 15 cluster of Debian's binaries, owned by the user running the benchmark."""

    def __init__(self):
        # PostgreSQL refuses to run as root: then the cluster belongs to the system's postgres user
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.work, self.port = tempfile.mkdtemp(prefix="procurement-bench-pg-"), free_port()
        self.data, self.socket_dir = os.path.join(self.work, "pgdata"), os.path.join(self.work, "pgsock")
        os.makedirs(self.socket_dir, exist_ok=True)
        if self.as_user:
            run(["chown", "-R", "postgres", self.work])
        run([*self.as_user, f"{PG_BIN}/initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8"], quiet=True)
        run([*self.as_user, f"{PG_BIN}/pg_ctl", "-D", self.data, "-l", os.path.join(self.work, "postgres.log"),
             "-w", "-o", f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c max_connections=100",
             "start"], quiet=True)

    def create(self, database, template=None):
        self.psql("postgres", f"CREATE DATABASE {database}" + (f" TEMPLATE {template}" if template else ""))
        return (f"jdbc:postgresql://127.0.0.1:{self.port}/{database}", "postgres")

    def psql(self, database, sql):
        result = subprocess.run([f"{PG_BIN}/psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                                 "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-q"], input=sql, text=True,
                                capture_output=True)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr[:2000]}")
        return [line for line in result.stdout.splitlines() if line]

    def stop(self):
        run([*self.as_user, f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"], quiet=True)
        shutil.rmtree(self.work, ignore_errors=True)


def run(command, quiet=False, **kwargs):
    result = subprocess.run(command, capture_output=quiet, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{(result.stdout or '')[-2000:]}{(result.stderr or '')[-2000:]}")
    return result


class H2Files:
    """SQL on an H2 file database while no application has it open, with the H2 jar the application ships."""

    def __init__(self, app_jar, work):
        with zipfile.ZipFile(app_jar) as jar:
            name = next(n for n in jar.namelist() if re.match(r"BOOT-INF/lib/h2-[\d.]+\.jar", n))
            self.jar = os.path.join(work, os.path.basename(name))
            with jar.open(name) as source, open(self.jar, "wb") as target:
                shutil.copyfileobj(source, target)

    def sql(self, database_file, sql):
        url = f"jdbc:h2:file:{database_file};NON_KEYWORDS=VALUE"
        script = database_file + ".bench.sql"
        with open(script, "w") as f:
            f.write(sql)
        result = run(["java", "-cp", self.jar, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "",
                      "-sql", f"RUNSCRIPT FROM '{script}'"], quiet=True)
        if "Error" in result.stdout or "Exception" in result.stdout:
            raise RuntimeError(f"SQL on {database_file} failed: {result.stdout[:2000]}")
        return result.stdout

    def query(self, database_file, sql):
        url = f"jdbc:h2:file:{database_file};NON_KEYWORDS=VALUE"
        result = run(["java", "-cp", self.jar, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "",
                      "-sql", sql], quiet=True)
        rows = [line.split("|") for line in result.stdout.splitlines()[1:] if "|" in line]
        return [[cell.strip() for cell in row] for row in rows]


# ---------------------------------------------------------------------------------------------------------------
# the two systems under test


def app_datasource_url():
    """The H2 address the application ships with (application.yaml), for the statement-counting run."""
    with open(os.path.join(ROOT, "src/main/resources/application.yaml")) as f:
        match = re.search(r"^\s+url:\s*(jdbc:h2:\S+)", f.read(), re.M)
    return match.group(1)


class Side:
    def __init__(self, label, jar, process_key, args, h2_url, trace_file, jvm_opts):
        self.slug = "app" if label == "application" else "bare"
        self.label, self.jar, self.process_key, self.args = label, jar, process_key, args
        self.h2_url, self.trace_file, self.jvm_opts = h2_url, trace_file, jvm_opts

    def server(self, work, extra=()):
        # the demo profile's mail server gets a free port of its own, as the application's HTTP port does
        args = [a.replace("{mail_port}", str(free_port())) for a in self.args]
        return Server(self.label, self.jar, work, self.jvm_opts, [*args, *extra])


def sides(app_jar, bare_jar, jvm_opts):
    app = Side("application", app_jar, "PublicServicePurchase",
               # the demo profile's users and mail server, without the demo city (demo/DemoCitySeeding: a year of
               # purchases driven through the procedure at the first start, minutes of work that is not start-up)
               ["--spring.profiles.active=demo", "--procurement.demo.city=false",
                "--procurement.mail.demo-server.port={mail_port}"],
               app_datasource_url(), "data/procurement.trace.db", jvm_opts)
    bare = Side("bare starter", bare_jar, "BarePurchase", [], "jdbc:h2:file:./data/bare;NON_KEYWORDS=VALUE",
                "data/bare.trace.db", jvm_opts)
    return app, bare


def purchase_request(i):
    start = datetime.date.today() + datetime.timedelta(days=60)

    def v(value):
        return {"value": value}
    return {"variables": {
        "serviceName": v(f"基准测试居家养老服务{i:05d}"), "serviceCategory": v("ELDERLY_CARE"),
        "serviceDescription": v("为辖区老人提供助餐、助洁上门服务。"), "serviceStandards": v("每月上门不少于8次。"),
        # a dynamic list of the form: Tasklist submits it as JSON
        "indicators": {"type": "Json", "value": json.dumps([{"name": "服务对象满意度", "target": "90%"},
                                                           {"name": "上门服务人次", "target": "9600人次"}],
                                                          ensure_ascii=False)},
        "budget": v(800000 + i),
        "servicePeriodStart": v(start.isoformat()), "servicePeriodEnd": v((start + datetime.timedelta(days=364)).isoformat()),
        "region": v("南通市崇川区"), "servesPublic": v(True), "needsAssessment": v("入户问卷调查"),
        "surveyRespondents": v(60)}}


# the reason is asked for once a department's requests of a category add up to the open-tender threshold in a year
# (possible splitting, 实施条例第二十八条), which the benchmark's many purchases soon reach
APPROVAL = {"variables": {"reviewDecision": {"value": "APPROVE"}, "reviewComment": {"value": "同意。"},
                          "splittingApprovalReason": {"value": "基准测试：各项目服务对象不同，分别立项。"}}}


def file_purchase(server, side, i):
    """File one purchase; returns (seconds, process instance id)."""
    request = purchase_request(i)
    if side.slug == "bare":
        # the bare starter has no Spin, hence no JSON variables: it stores the same list as text
        request["variables"]["indicators"] = {"value": request["variables"]["indicators"]["value"]}
    seconds, instance = server.call("POST", f"/engine-rest/process-definition/key/{side.process_key}/submit-form",
                                    request, user="minzheng")
    return seconds, instance["id"]


def purchase(server, side, i):
    """One planning purchase as Tasklist makes it: file, find the finance task, claim, complete.
    Returns (whole purchase seconds, claim + complete seconds)."""
    file_seconds, instance = file_purchase(server, side, i)
    get_seconds, tasks = server.call("GET", f"/engine-rest/task?processInstanceId={instance}", user="caizheng")
    task = tasks[0]["id"]
    claim_seconds, _ = server.call("POST", f"/engine-rest/task/{task}/claim", {"userId": "caizheng"}, user="caizheng")
    complete_seconds, _ = server.call("POST", f"/engine-rest/task/{task}/submit-form", APPROVAL, user="caizheng")
    return file_seconds + get_seconds + claim_seconds + complete_seconds, claim_seconds + complete_seconds


def drain_jobs(server, timeout=120):
    """Waits until no job is due (the mails and other work the purchases left to the job executor are done)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        _, count = server.call("GET", "/engine-rest/job/count?executable=true")
        if count["count"] == 0:
            return
        time.sleep(0.2)
    raise RuntimeError(f"{server.name}: jobs still due after {timeout} s")


# ---------------------------------------------------------------------------------------------------------------
# purchase rounds


def purchase_round(side, work, warmup, count):
    figures = {}
    server = side.server(work).start()
    try:
        figures["start_new"] = server.wait_up()
        time.sleep(2)
        figures["rss_start"] = server.rss_mib()
        for i in range(warmup):
            purchase(server, side, i)
        drain_jobs(server)
        cpu_before = server.cpu_seconds()
        steps, completions = [], []
        for i in range(warmup, warmup + count):
            step, completion = purchase(server, side, i)
            steps.append(step)
            completions.append(completion)
        drain_jobs(server)
        figures["cpu"] = (server.cpu_seconds() - cpu_before) / count
        figures["purchase"] = statistics.median(steps)
        figures["completion"] = statistics.median(completions)
        figures["rss_after"] = server.rss_mib()
    finally:
        figures["stop_errors"] = server.stop()
    restart = side.server(work).start()
    try:
        figures["start_again"] = restart.wait_up()
    finally:
        figures["stop_errors"] += restart.stop()
    return figures


def statements_per_purchase(side, work, warmup, count):
    """Statements the database executed for each purchase (H2's trace of every statement, purchases one by one,
    each counted once the database has been quiet for a second, so that the job executor's work is in)."""
    url = side.h2_url + ";TRACE_LEVEL_FILE=2;TRACE_MAX_FILE_SIZE=4000"
    server = side.server(work, [f"--spring.datasource.url={url}"]).start()
    trace = os.path.join(work, side.trace_file)

    def statements():
        with open(trace, errors="replace") as f:
            return sum(1 for line in f if line.startswith("/*SQL"))

    def quiet_count():
        last, stable_since = -1, time.perf_counter()
        while True:
            now = statements()
            if now != last:
                last, stable_since = now, time.perf_counter()
            elif time.perf_counter() - stable_since > 1.0:
                return now
            time.sleep(0.2)

    try:
        server.wait_up()
        for i in range(warmup):
            purchase(server, side, i)
        counts = []
        before = quiet_count()
        for i in range(warmup, warmup + count):
            purchase(server, side, i)
            after = quiet_count()
            counts.append(after - before)
            before = after
        return counts
    finally:
        server.stop()


def compare(app, bare, rounds, warmup, count, work):
    results = {"application": [], "bare starter": []}
    for r in range(rounds):
        order = (app, bare) if r % 2 == 0 else (bare, app)
        for side in order:
            log(f"round {r + 1}/{rounds}: {side.label}")
            results[side.label].append(purchase_round(side, os.path.join(work, f"r{r}-{side.slug}"),
                                                      warmup, count))
    sql = {}
    for side in (app, bare):
        log(f"statements per purchase: {side.label}")
        sql[side.label] = statements_per_purchase(side, os.path.join(work, f"sql-{side.slug}"), warmup,
                                                  max(5, count // 4))
    return results, sql


def spread(values):
    return min(values), statistics.median(values), max(values)


def print_comparison(results, sql, count, warmup, out):
    a, b = results["application"], results["bare starter"]
    rows = [
        ("one planning purchase through REST (file, get task, claim, complete)", "purchase", 1000, "ms"),
        ("user-task completion (claim + complete)", "completion", 1000, "ms"),
        ("JVM CPU per purchase, async work included", "cpu", 1000, "ms"),
        ("start-up to health UP, new database", "start_new", 1, "s"),
        ("start-up to health UP, restart", "start_again", 1, "s"),
        ("RSS after start", "rss_start", 1, "MiB"),
        (f"RSS after {warmup + count} purchases", "rss_after", 1, "MiB"),
    ]
    out.append(f"| measure | application (median) | bare starter (median) | ratio min / median / max |")
    out.append("|---|---|---|---|")
    for title, key, scale, unit in rows:
        ratios = [x[key] / y[key] for x, y in zip(a, b)]
        low, mid, high = spread(ratios)
        out.append(f"| {title} | {statistics.median(x[key] for x in a) * scale:.1f} {unit} | "
                   f"{statistics.median(y[key] for y in b) * scale:.1f} {unit} | "
                   f"{low:.2f}× / **{mid:.2f}×** / {high:.2f}× |")
    sa, sb = sql["application"], sql["bare starter"]
    out.append(f"| SQL statements per purchase | {statistics.median(sa):.0f} ({min(sa)}–{max(sa)}) | "
               f"{statistics.median(sb):.0f} ({min(sb)}–{max(sb)}) | **{statistics.median(sa) / statistics.median(sb):.2f}×** |")
    errors = [e for x in a for e in x["stop_errors"]]
    out.append("")
    out.append(f"ERROR lines logged by the application while stopping: {len(errors)} in {2 * len(a)} stops"
               + ("" if not errors else "; first: " + errors[0][:300]))


# ---------------------------------------------------------------------------------------------------------------
# growth: the portal's keyword search and Tasklist's group list


SERVICES = [("居家养老服务", "ELDERLY_CARE", "南通市民政局"), ("社区矫正社会工作服务", "COMMUNITY_WORK", "南通市司法局"),
            ("青少年心理健康服务", "HEALTH", "南通市卫生健康委员会"), ("残疾人康复训练服务", "DISABILITY", "南通市残疾人联合会"),
            ("社区治理能力培训服务", "TRAINING", "南通市民政局")]
NOTICE_TYPES = ["PROCUREMENT_INTENTION", "TENDER_NOTICE", "OPENING_RECORD", "AWARD_NOTICE", "CONTRACT"]
KEYWORD = "养老"
TEMPLATE_TASKS = 10


def notices_sql(dialect, count):
    """count notices, one in five of an elderly-care service (the keyword), spread over the last 15 years."""
    rows = ("(SELECT X AS x FROM SYSTEM_RANGE(1, %d)) r" if dialect == "h2"
            else "(SELECT g AS x FROM generate_series(1, %d) g) r") % count
    published = ("DATEADD(MINUTE, -r.x * 79, TIMESTAMP WITH TIME ZONE '2026-11-30 10:00:00+08')" if dialect == "h2"
                 else "TIMESTAMPTZ '2026-11-30 10:00:00+08' - r.x * INTERVAL '79 minutes'")

    def pick(values):
        return "CASE MOD(r.x, 5) " + " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(values)) + " END"
    service, department = pick([s[0] for s in SERVICES]), pick([s[2] for s in SERVICES])
    kind = "CASE MOD(r.x / 5, 5) " + " ".join(f"WHEN {i} THEN '{t}'" for i, t in enumerate(NOTICE_TYPES)) + " END"
    number = "'BN-' || CAST(2011 + MOD(r.x, 15) AS VARCHAR) || '-' || LPAD(CAST(r.x AS VARCHAR), 6, '0')"
    district = pick(["崇川区", "海门区", "通州区", "如皋市", "启东市"])
    content = (f"'项目编号：' || {number} || CHR(10) || '采购单位：' || {department} || CHR(10) || '项目名称：' || "
               f"{district} || {service} || '（第' || CAST(r.x AS VARCHAR) || '期）' || CHR(10) || "
               "'采购需求概况：为辖区服务对象提供上门服务、集中活动和个案跟进，服务对象' || CAST(MOD(r.x, 900) + 100 AS VARCHAR) || "
               "'人，服务团队不少于' || CAST(MOD(r.x, 20) + 5 AS VARCHAR) || '人。' || CHR(10) || "
               "'服务标准：按照本市政府购买服务项目管理办法执行，建立服务台账，每月报送服务进度。' || CHR(10) || "
               "'绩效指标：' || CHR(10) || '  1. 服务对象满意度：90%' || CHR(10) || '  2. 服务覆盖人次：' || "
               "CAST(MOD(r.x, 9000) + 1000 AS VARCHAR) || '人次' || CHR(10) || '预算金额：' || "
               "CAST(MOD(r.x, 400) * 10000 + 300000 AS VARCHAR) || '.00元' || CHR(10) || '服务区域：南通市' || "
               f"{district} || CHR(10)")
    return (f"INSERT INTO disclosure_notice (project_number, notice_type, title, content, published_at, publisher) "
            f"SELECT {number}, {kind}, {department} || '关于' || {district} || {service} || '的公告', {content}, "
            f"{published}, {department} FROM {rows};\n")


# the tables a task of the finance review lives in, and the columns that carry ids of that task or its instance
TASK_TABLES = [
    ("ACT_RU_EXECUTION", "PROC_INST_ID_ IN ({instances})", ["ID_", "PROC_INST_ID_", "PARENT_ID_", "ROOT_PROC_INST_ID_", "BUSINESS_KEY_"]),
    ("ACT_RU_TASK", "PROC_INST_ID_ IN ({instances})", ["ID_", "EXECUTION_ID_", "PROC_INST_ID_"]),
    ("ACT_RU_IDENTITYLINK", "TASK_ID_ IN ({tasks})", ["ID_", "TASK_ID_"]),
    ("ACT_RU_AUTHORIZATION", "RESOURCE_ID_ IN ({tasks})", ["ID_", "RESOURCE_ID_"]),
    ("ACT_RU_VARIABLE", "PROC_INST_ID_ IN ({instances}) AND BYTEARRAY_ID_ IS NULL",
     ["ID_", "EXECUTION_ID_", "PROC_INST_ID_", "VAR_SCOPE_", "TASK_ID_"]),
]


def tasks_sql(dialect, columns, instances, tasks, copies):
    """Copies the template tasks' rows `copies` times with new ids; copy k is k minutes older."""
    rows = ("(SELECT X AS x FROM SYSTEM_RANGE(1, %d)) r" if dialect == "h2"
            else "(SELECT g AS x FROM generate_series(1, %d) g) r") % copies
    older = ("DATEADD(MINUTE, -r.x, t.{c})" if dialect == "h2" else "t.{c} - r.x * INTERVAL '1 minute'")
    quote = lambda ids: ", ".join(f"'{i}'" for i in ids)
    statements = []
    for table, where, id_columns in TASK_TABLES:
        names = columns[table]
        values = []
        for c in names:
            if c in id_columns:
                values.append(f"CASE WHEN t.{c} IS NULL THEN NULL ELSE t.{c} || '-' || CAST(r.x AS VARCHAR) END")
            elif table == "ACT_RU_TASK" and c in ("CREATE_TIME_", "LAST_UPDATED_"):
                values.append(older.format(c=c))
            else:
                values.append(f"t.{c}")
        condition = where.format(instances=quote(instances), tasks=quote(tasks)).replace("PROC_INST_ID_ IN", "t.PROC_INST_ID_ IN")
        condition = re.sub(r"(?<![.\w])(TASK_ID_|RESOURCE_ID_|BYTEARRAY_ID_)", r"t.\1", condition)
        order = " ORDER BY t.PARENT_ID_ NULLS FIRST" if table == "ACT_RU_EXECUTION" else ""
        statements.append(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(values)} "
                          f"FROM {table} t CROSS JOIN {rows} WHERE {condition}{order};")
    return "\n".join(statements) + "\n"


def table_columns(query):
    """The columns of the task tables, as this database version has them (one query: each H2 query is a JVM)."""
    tables = ", ".join(f"'{t}'" for t, _, _ in TASK_TABLES)
    rows = query(f"SELECT UPPER(TABLE_NAME), UPPER(COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS "
                 f"WHERE UPPER(TABLE_NAME) IN ({tables}) ORDER BY TABLE_NAME, ORDINAL_POSITION")
    columns = {t: [] for t, _, _ in TASK_TABLES}
    for table, column in rows:
        columns[table].append(column)
    return columns


class GrowthCopy:
    """One copy of the application with `size` notices and `size` open finance tasks. Each copy starts from the
    same base database: the schema and ten purchases filed through REST, whose finance tasks are the templates."""

    def __init__(self, app, size, dialect, work, h2, postgres):
        self.size, self.dialect, self.work, self.app = size, dialect, work, app
        self.name = f"bench{size}"
        if dialect == "postgres":
            self.url = f"jdbc:postgresql://127.0.0.1:{postgres.port}/{self.name}"
            self.extra = [f"--spring.datasource.url={self.url}", "--spring.datasource.username=postgres",
                          "--spring.datasource.password="]
            self.sql = lambda statement: postgres.psql(self.name, statement)
            self.query = lambda statement: [line.split("|") for line in postgres.psql(self.name, statement)]
        else:
            database = os.path.join(work, "data", "procurement")
            self.extra = []
            self.sql = lambda statement: h2.sql(database, statement)
            self.query = lambda statement: h2.query(database, statement)
        self.postgres = postgres

    def server(self):
        return self.app.server(self.work, self.extra)

    def make_base(self):
        """Creates this copy's database and files the template purchases; returns (instances, tasks)."""
        if self.postgres:
            self.postgres.create(self.name)
        server = self.server().start()
        try:
            server.wait_up()
            instances = [file_purchase(server, self.app, i)[1] for i in range(TEMPLATE_TASKS)]
            drain_jobs(server)
            _, tasks = server.call("GET", "/engine-rest/task?candidateGroup=finance")
            return instances, [t["id"] for t in tasks if t["processInstanceId"] in instances]
        finally:
            server.stop()

    def copy_of(self, base):
        if self.postgres:
            self.postgres.create(self.name, template=base.name)
        else:
            shutil.copytree(os.path.join(base.work, "data"), os.path.join(self.work, "data"))

    def seed(self, instances, tasks):
        started = time.perf_counter()
        columns = table_columns(self.query)
        if not all(columns.values()):
            raise RuntimeError(f"no columns found for the task tables: {columns}")
        self.sql(notices_sql(self.dialect, self.size)
                 + tasks_sql(self.dialect, columns, instances, tasks, self.size // TEMPLATE_TASKS - 1))
        log(f"  {self.dialect} {self.size}: seeded in {time.perf_counter() - started:.0f} s")

    def open(self):
        self.running = self.server().start()
        seconds = self.running.wait_up()
        _, filters = self.running.call("GET", "/engine-rest/filter?resourceType=Task&name=" +
                                       urllib.parse.quote("本组待办"), user="caizheng")
        self.group_filter = filters[0]["id"]
        _, page = self.running.call("GET", "/portal/notices?q=" + urllib.parse.quote(KEYWORD), user=None,
                                    accept="text/html")
        # the links are HTML: their ampersands are written &amp;
        pages = [int(p) for p in re.findall(r"[?&]page=(\d+)", html.unescape(page.decode()))]
        if not pages:
            raise RuntimeError("the search's first page links to no other page: the last page cannot be measured")
        self.last_page = max(pages) if pages else 1
        return seconds

    def search(self, page):
        suffix = "" if page == 1 else f"&page={page}"
        seconds, body = self.running.call("GET", "/portal/notices?q=" + urllib.parse.quote(KEYWORD) + suffix,
                                          user=None, accept="text/html")
        if "养老".encode() not in body:
            raise RuntimeError(f"page {page} of the search shows no result")
        return seconds

    def group_list(self):
        """Seconds of finance's first page with its count, or None when the server fails it (an error, logged)."""
        started = time.perf_counter()
        status, payload = self.running.request(
            "POST", f"/engine-rest/filter/{self.group_filter}/list?firstResult=0&maxResults=15",
            {"sorting": [{"sortBy": "created", "sortOrder": "desc"}]}, user="caizheng",
            accept="application/hal+json")
        seconds = time.perf_counter() - started
        if status >= 500:
            log(f"  {self.dialect} {self.size}: the group list answered {status}: {payload[:200]!r}")
            return None
        if status >= 300:
            raise RuntimeError(f"the group list answered {status}: {payload[:300]!r}")
        body = json.loads(payload)
        tasks = body["_embedded"]["task"]
        if len(tasks) != 15 or body["count"] < self.size:
            raise RuntimeError(f"the group list shows {len(tasks)} tasks of {body['count']}")
        return seconds


def growth(app, app_jar, sizes, repeats, dialects, work, reuse=None):
    """reuse: a folder an earlier run kept (--keep); its H2 copies are measured again instead of seeded anew."""
    h2 = H2Files(app_jar, work)
    results = {}
    for dialect in dialects:
        try:
            postgres = Postgres() if dialect == "postgres" else None
        except RuntimeError as e:
            log(f"skipping {dialect}: {e}")
            continue
        base = GrowthCopy(app, 0, dialect, os.path.join(work, f"{dialect}-base"), h2, postgres)
        reused = reuse is not None and dialect == "h2"
        copies = [GrowthCopy(app, size, dialect, os.path.join(reuse if reused else work, f"{dialect}-{size}"), h2,
                             postgres) for size in sizes]
        try:
            if reused:
                log(f"{dialect}: the copies kept in {reuse}")
            else:
                log(f"{dialect}: the base database")
                instances, tasks = base.make_base()
                for copy in copies:
                    copy.copy_of(base)
                    copy.seed(instances, tasks)
            for copy in copies:
                copy.open()
                if postgres:
                    # the copy indexed its notices at start-up (millions of new index rows): vacuumed and analysed
                    # as autovacuum soon would, its counts read the index alone instead of visiting every row
                    postgres.psql(copy.name, "VACUUM ANALYZE")
            for copy in copies:  # warm-up: the first requests compile templates and queries
                for _ in range(5):
                    copy.search(1), copy.search(copy.last_page), copy.group_list()
            timings = {(c.size, m): [] for c in copies for m in ("page 1", "last page", "group list")}
            for _ in range(repeats):
                for copy in copies:
                    timings[(copy.size, "page 1")].append(copy.search(1))
                    timings[(copy.size, "last page")].append(copy.search(copy.last_page))
                    timings[(copy.size, "group list")].append(copy.group_list())
            # a list that failed (None) is reported as failed, not as a time
            results[dialect] = {k: None if None in v else statistics.median(v) for k, v in timings.items()}
            partial = []
            print_growth({dialect: results[dialect]}, sizes, partial)
            log("\n".join(partial))
        except (RuntimeError, OSError) as e:
            # one database failing (a copy that did not start, a lost connection) does not lose the others' figures
            log(f"{dialect}: growth run failed: {e}")
        finally:
            for copy in copies:
                if getattr(copy, "running", None):
                    copy.running.stop()
            if postgres:
                postgres.stop()
    return results


def print_growth(results, sizes, out):
    small = sizes[0]
    label = lambda n: f"{n // 1000}k" if n % 1000 == 0 else str(n)
    out.append(f"| list | database | " + " | ".join(label(s) for s in sizes) + " | ratio largest / smallest |")
    out.append("|---|---|" + "---|" * len(sizes) + "---|")
    for measure, title in (("page 1", f"portal keyword search ({KEYWORD}), page 1"),
                           ("last page", f"portal keyword search ({KEYWORD}), last page"),
                           ("group list", "finance's Tasklist group list 本组待办, first 15 with count")):
        for dialect, figures in results.items():
            cells = ["fails" if figures[(s, measure)] is None else f"{figures[(s, measure)] * 1000:.1f} ms"
                     for s in sizes]
            largest, smallest = figures[(sizes[-1], measure)], figures[(small, measure)]
            ratio = "—" if largest is None or smallest is None else f"**{largest / smallest:.2f}×**"
            out.append(f"| {title} | {dialect} | " + " | ".join(cells) + f" | {ratio} |")


# ---------------------------------------------------------------------------------------------------------------


def build(skip):
    app_jars = [j for j in glob.glob(os.path.join(ROOT, "target", "procurement-*.jar")) if not j.endswith(".original")]
    bare_jar = os.path.join(HERE, "bare", "target", "bare-starter.jar")
    if not skip or not app_jars:
        log("building the application (./mvnw -DskipTests package)")
        run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-DskipTests", "package"], cwd=ROOT)
    if not skip or not os.path.exists(bare_jar):
        log("building the bare starter (bench/bare)")
        run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-f", os.path.join(HERE, "bare", "pom.xml"), "package"],
            cwd=ROOT)
    app_jars = [j for j in glob.glob(os.path.join(ROOT, "target", "procurement-*.jar")) if not j.endswith(".original")]
    return app_jars[0], bare_jar


def machine_load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", nargs="?", choices=["quick", "full"], default="quick")
    parser.add_argument("--only", choices=["purchase", "growth"], help="run one part")
    parser.add_argument("--no-build", action="store_true", help="use the jars already built")
    parser.add_argument("--jvm", default="-Xmx384m -Xss512k -XX:+UseSerialGC",
                        help="JVM options of both systems (default: the application's stated limits)")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--purchases", type=int)
    parser.add_argument("--sizes", help="comma-separated numbers of notices and open tasks")
    parser.add_argument("--databases", default="h2,postgres")
    parser.add_argument("--out", help="also write the report (markdown) to this file")
    parser.add_argument("--app-jar", help="the application's jar to measure (default: target/, built first)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, databases)")
    parser.add_argument("--reuse", help="a folder kept by an earlier growth run (--keep): measure its H2 copies "
                                        "again (another build, other settings) instead of seeding new ones")
    args = parser.parse_args()
    full = args.mode == "full"
    rounds = args.rounds or (5 if full else 3)
    count = args.purchases or (200 if full else 40)
    warmup = 20 if full else 10
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([1000, 10000, 100000] if full else [1000, 10000])
    repeats = 15 if full else 7
    app_jar, bare_jar = build(args.no_build or args.app_jar is not None)
    app_jar = args.app_jar or app_jar
    jvm_opts = args.jvm.split()
    app, bare = sides(app_jar, bare_jar, jvm_opts)
    work = tempfile.mkdtemp(prefix="procurement-bench-")
    out = [f"Benchmark ({args.mode}), {datetime.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
           f"load average {machine_load()} at the start; JVM options of both: `{args.jvm}`", ""]
    try:
        if args.only in (None, "purchase"):
            results, sql = compare(app, bare, rounds, warmup, count, work)
            out.append(f"Purchase: {rounds} rounds, A and B alternated; each round {warmup} warm-up and {count} "
                       f"measured purchases on a new H2 file database.")
            out.append("")
            print_comparison(results, sql, count, warmup, out)
            out.append("")
            log("\n".join(out))  # shown at once: the growth runs that follow take long
        if args.only in (None, "growth"):
            results = growth(app, app_jar, sizes, repeats, args.databases.split(","), work, args.reuse)
            out.append(f"Growth: medians of {repeats} requests to each copy, the copies in turn.")
            out.append("")
            print_growth(results, sizes, out)
        out.append("")
        out.append(f"load average at the end: {machine_load()}")
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(out)
    print(report)
    if args.out:
        with open(args.out, "w") as f:
            f.write(report + "\n")


if __name__ == "__main__":
    main()
