// Shared by the custom scripts of Tasklist: Tasklist's AngularJS services and who is logged in.
// Custom scripts load before Tasklist starts its AngularJS application, so both are awaited.

const POLL_MS = 100;

function injector() {
  const angular = window.angular;
  const root = angular && document.querySelector('.ng-scope');
  return root ? angular.element(root).injector() : null;
}

/** Resolves with one of Tasklist's AngularJS services (Notifications, $rootScope, ...) once Tasklist runs. */
export function angularService(name) {
  return new Promise(resolve => {
    const look = () => {
      const found = injector();
      if (found && found.has(name)) {
        resolve(found.get(name));
      } else {
        setTimeout(look, POLL_MS);
      }
    };
    look();
  });
}

const SUBMIT_FORM = /\/(task|process-definition)\/.+\/submit-form$/;
const submitListeners = [];

/**
 * Calls listener(kind, status, responseText) after every form submission Tasklist sends ('task' for a task form,
 * 'start' for a start form). Tasklist's SDK sends with XMLHttpRequest.
 */
export function onSubmitForm(listener) {
  if (submitListeners.length === 0) {
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url, ...rest) {
      const match = method === 'POST' && SUBMIT_FORM.exec(String(url).split('?')[0]);
      if (match) {
        const kind = match[1] === 'task' ? 'task' : 'start';
        this.addEventListener('load', () => submitListeners.forEach(l => l(kind, this.status, this.responseText)));
      }
      return open.call(this, method, url, ...rest);
    };
  }
  submitListeners.push(listener);
}

/** The path of the application (its context path) that Tasklist runs in, e.g. '' or '/procurement'. */
export function applicationPath(path) {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '') + path;
}

/** The CSRF token the webapps expect on every request that changes something. */
export function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** GETs JSON from the application with the webapp session. */
export function getJson(path) {
  return fetch(path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'}).then(response => {
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    return response.json();
  });
}

/**
 * The logged-in official as the application describes her role (GET /officials/me): user id, name, groups, what
 * she works on and where, whether she may create tasks or start processes. Null before login.
 */
let official = null;
let officialUser = null;

export function currentOfficial() {
  return angularService('$rootScope').then($rootScope => {
    const auth = $rootScope.authentication;
    const userId = auth && auth.name;
    if (!userId) {
      official = null;
      officialUser = null;
      return null;
    }
    if (!official || officialUser !== userId) {
      officialUser = userId;
      official = getJson(applicationPath('/officials/me')).catch(() => null);
    }
    return official;
  });
}
