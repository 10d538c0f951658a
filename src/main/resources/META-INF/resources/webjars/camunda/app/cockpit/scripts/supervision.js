// Cockpit for supervisors: they watch, they do not change. Cockpit shows every action button (cancel, suspend,
// add or edit variables, change assignees, delete deployments) to everyone and lets the server refuse what the
// user may not do. The supervisors' rights (identity/AccessRules) are reading everything and retrying the jobs of
// failed mails, which are incidents on their purchase's process instance (notification/MailIncidents; the server
// refuses a supervisor any other retry, notification/MailRetryRight). For a supervisor who is not also an
// administrator, the body gets the class procurement-read-only and styles/user-styles.css hides every action, but
// "increment retries" on the view of a process instance with a failed mail, where the body gets
// procurement-may-retry.

const READ_ONLY = 'procurement-read-only';
const SUPERVISOR = 'supervisor';
const ADMINISTRATOR = 'camunda-admin';
const MAY_RETRY = 'procurement-may-retry';
// how notification/MailIncidents begins the message of a mail's incident
const MAIL_INCIDENT = '邮件未能发出';

function applicationPath(path) {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '') + path;
}

let checkedFor = null;

function checkRole() {
  const userLink = document.querySelector('li.account .dropdown-toggle, .account');
  const who = userLink ? userLink.textContent.trim() : '';
  if (who === checkedFor) {
    return;
  }
  checkedFor = who;
  fetch(applicationPath('/officials/me'), {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(response => response.ok ? response.json() : null)
    .then(me => {
      const roles = me ? me.guides.map(guide => guide.role) : [];
      document.body.classList.toggle(READ_ONLY, roles.includes(SUPERVISOR) && !roles.includes(ADMINISTRATOR));
    })
    .catch(() => document.body.classList.remove(READ_ONLY));
}

/** Whether the view shows a process instance with a mail that could not be sent (an incident there). */
function showsFailedMail() {
  const instance = /#\/process-instance\/([^/?]+)/.exec(location.hash);
  if (!instance) {
    return Promise.resolve(false);
  }
  return fetch(applicationPath('/camunda/api/engine/engine/default/incident?incidentType=failedJob&processInstanceId='
      + encodeURIComponent(instance[1])), {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(response => response.ok ? response.json() : [])
    .then(incidents => incidents.some(incident => (incident.incidentMessage || '').startsWith(MAIL_INCIDENT)))
    .catch(() => false);
}

let retryCheckedFor = null;

function checkRetry() {
  if (location.hash === retryCheckedFor) {
    return;
  }
  retryCheckedFor = location.hash;
  showsFailedMail().then(mails => document.body.classList.toggle(MAY_RETRY, mails));
}

// Cockpit's processes dashboard has one tooltip written in English in its template, out of reach of locales/.
function translateFixedTooltips() {
  document.querySelectorAll('button.section-toggle[uib-tooltip="Toggle this section"]')
    .forEach(button => button.setAttribute('uib-tooltip', '展开或收起此部分'));
}

new MutationObserver(() => {
  checkRole();
  checkRetry();
  translateFixedTooltips();
}).observe(document.body, {childList: true, subtree: true});

export default [];
