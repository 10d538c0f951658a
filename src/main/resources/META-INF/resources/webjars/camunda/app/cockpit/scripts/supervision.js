// Cockpit for supervisors: they watch, they do not change. Cockpit shows every action button (cancel, suspend,
// add or edit variables, change assignees, delete deployments) to everyone and lets the server refuse what the
// user may not do. The supervisors' rights (identity/AccessRules) are reading everything and retrying the jobs of
// failed mails, which are incidents on their purchase's process instance (notification/MailIncidents; the server
// refuses a supervisor any other retry, notification/MailRetryRight). For a supervisor who is not also an
// administrator, the body gets the class procurement-read-only and styles/user-styles.css hides every action, but
// "increment retries" on a process instance's view, where the body gets procurement-may-retry.

const READ_ONLY = 'procurement-read-only';
const SUPERVISOR = 'supervisor';
const ADMINISTRATOR = 'camunda-admin';
const MAY_RETRY = 'procurement-may-retry';

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

/** Whether the view shows one process instance: the place where its failed mails are retried. */
function showsProcessInstance() {
  return /#\/process-instance\/[^/?]+/.test(location.hash);
}

let retryCheckedFor = null;

function checkRetry() {
  if (location.hash === retryCheckedFor) {
    return;
  }
  retryCheckedFor = location.hash;
  document.body.classList.toggle(MAY_RETRY, showsProcessInstance());
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
