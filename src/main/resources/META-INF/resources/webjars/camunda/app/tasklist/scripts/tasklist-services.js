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
      official = getJson('/officials/me').catch(() => null);
    }
    return official;
  });
}
