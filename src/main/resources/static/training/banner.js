// The training mode's banner: "培训模式" and the training clock, ticking at the clock's speed, on every page of
// Tasklist, Cockpit and Admin (their scripts/training.js imports this module) and of the portal (whose pages render
// the banner themselves; this module only keeps its clock running). GET /training/clock
// (training/TrainingClockController) says whether the mode is on, the training time and its speed; outside training
// mode nothing is shown.

const CLOCK_URL = new URL('clock', import.meta.url);
const RESYNC_MILLIS = 30000;
const BANNER_ID = 'training-banner';

const minuteFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit'
});

/** 2027-01-15 10:32, Beijing time, as every date of the application is written. */
export function beijingMinute(epochMillis) {
  const parts = Object.fromEntries(minuteFormat.formatToParts(new Date(epochMillis)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

let clock = null;
let syncedAt = 0;

async function sync() {
  try {
    const answer = await fetch(CLOCK_URL, {credentials: 'same-origin', cache: 'no-store'});
    clock = answer.ok ? await answer.json() : null;
    syncedAt = Date.now();
  } catch (e) {
    clock = null;
  }
}

function banner() {
  let node = document.getElementById(BANNER_ID);
  if (!node) {
    // webapps: a pill at the top that lets every click through to what is under it
    node = document.createElement('div');
    node.id = BANNER_ID;
    node.setAttribute('role', 'status');
    node.style.cssText = 'position:fixed;top:4px;left:50%;transform:translateX(-50%);z-index:10000;'
      + 'pointer-events:none;background:#c2410c;color:#fff;font-size:13px;line-height:18px;padding:3px 14px;'
      + 'border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.3);white-space:nowrap;opacity:.95';
    const label = document.createElement('strong');
    label.textContent = '培训模式';
    const time = document.createElement('time');
    time.setAttribute('data-training-clock', '');
    const speed = document.createElement('span');
    speed.className = 'training-speed';
    node.append(label, ' · 培训时钟 ', time, speed);
    document.body.appendChild(node);
  }
  return node;
}

function render() {
  if (!clock || !clock.enabled) {
    return;
  }
  const node = banner();
  const now = clock.now + (Date.now() - syncedAt) * clock.speed;
  node.querySelector('[data-training-clock]').textContent = beijingMinute(now);
  const speed = node.querySelector('.training-speed');
  if (speed && clock.notice) {
    speed.textContent = ' · ' + clock.notice.replace(/^培训模式：/, '');
  }
}

async function start() {
  await sync();
  if (!clock || !clock.enabled) {
    return;
  }
  render();
  setInterval(render, 1000);
  setInterval(sync, RESYNC_MILLIS);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
