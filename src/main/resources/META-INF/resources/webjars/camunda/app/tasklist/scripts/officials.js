// Tasklist as each role needs it: only the buttons the role can use, and a word on what the role does and where
// when no task is open (an organisation bids on the portal, a designer works in Desktop Modeler, ...).
//
// Tasklist shows 新建任务 and 发起流程 to everyone; a user without the right gets an English permission error
// after filling the dialog. GET /officials/me (officials/OfficialsController) says what the logged-in official may
// do and what her roles are; the body gets a class per missing right (styles/user-styles.css hides the button)
// and the empty task column and task list show her role's guide.

import {angularService, applicationPath, currentOfficial} from './tasklist-services.js';

const NO_CREATE_TASK = 'procurement-no-create-task';
const NO_START_PROCESS = 'procurement-no-start-process';
const PURCHASER = 'procurement-purchaser';

let guides = [];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text) {
    node.textContent = text;
  }
  return node;
}

function link(label, path) {
  const anchor = element('a', null, label);
  anchor.href = path.startsWith('#') ? path : applicationPath(path);
  return anchor;
}

function guideBox() {
  const box = element('div', 'procurement-guide');
  guides.forEach(guide => {
    const section = box.appendChild(element('section', 'procurement-guide-role'));
    section.appendChild(element('h4', null, '您的职责：' + guide.roleName));
    section.appendChild(element('p', null, guide.work));
    guide.links.forEach(l => section.appendChild(element('p')).appendChild(link(l.label, l.path)));
  });
  return box;
}

/** The task column without a task shows the guide; an empty task list says where the role's work is. */
function placeGuides() {
  document.querySelectorAll('.no-task.well').forEach(well => {
    const next = well.nextElementSibling;
    if (guides.length && !(next && next.classList.contains('procurement-guide'))) {
      well.after(guideBox());
    }
  });
  document.querySelectorAll('.tasks-list .well').forEach(well => {
    if (guides.length && !well.querySelector('.procurement-empty-list')) {
      guides.forEach(guide => well.appendChild(element('p', 'procurement-empty-list', guide.emptyList)));
    }
  });
}

function apply(official) {
  const body = document.body.classList;
  body.toggle(NO_CREATE_TASK, !official || !official.mayCreateTasks);
  body.toggle(NO_START_PROCESS, !official || !official.mayStartProcesses);
  body.toggle(PURCHASER, !!official && official.seesPurchases);
  guides = official ? official.guides : [];
  document.querySelectorAll('.procurement-guide, .procurement-empty-list').forEach(node => node.remove());
  placeGuides();
}

// until the official is known, neither button is offered
document.body.classList.add(NO_CREATE_TASK, NO_START_PROCESS);

angularService('$rootScope').then($rootScope => {
  $rootScope.$watch(() => $rootScope.authentication && $rootScope.authentication.name,
    () => currentOfficial().then(apply));
});

new MutationObserver(placeGuides).observe(document.body, {childList: true, subtree: true});

export default [];
