// Server refusals where the official is looking: next to the field concerned, once, in the form's own words.
//
// The server refuses a form with 400 {"type":"SubmissionRejectedException","message":"…","field":"budget"}
// (form/RejectedSubmissionRestMapper). Tasklist would show the message in a red box at the top of the page,
// far from the field, and add another box on every try. This script reads the refusal from the response of
// submit-form, shows it under the field whose key the server named (or above the buttons when it concerns the
// whole form), scrolls there, and keeps Tasklist from adding its own box for it.

import {angularService, onSubmitForm} from './tasklist-services.js';

const REFUSAL_TYPE = 'SubmissionRejectedException';
const FORM_SCHEMA = /\/deployed-(?:start-)?form(?:\?|$)/;

/** Field key → {id, label} of the forms loaded last (the start form dialog and the task form may both be open). */
const fieldsByKey = new Map();
/** Messages already shown next to a field, which Tasklist's own notification must not repeat. */
const shownMessages = new Set();

function rememberSchema(schema) {
  const visit = components => (components || []).forEach(component => {
    if (component.key) {
      fieldsByKey.set(component.key, {id: component.id, label: component.label});
    }
    visit(component.components);
    // a table (dynamic list) is one variable, named by its path: a refusal of it goes under the whole table
    if (component.type === 'dynamiclist' && component.path) {
      fieldsByKey.set(component.path, {id: component.id, label: component.label});
    }
  });
  visit(schema && schema.components);
}

function visibleForms() {
  return [...document.querySelectorAll('.fjs-container')].filter(form => form.offsetParent !== null);
}

function fieldElement(key) {
  const field = fieldsByKey.get(key);
  for (const form of visibleForms()) {
    if (field && field.id) {
      const input = form.querySelector('[id$="-' + CSS.escape(field.id) + '"], [id$="-' + CSS.escape(field.id)
        + '-date"], [id$="-' + CSS.escape(field.id) + '-0"]');
      const element = input && input.closest('.fjs-form-field');
      if (element && element.offsetParent !== null) {
        return element;
      }
    }
  }
  return null;
}

export function clearRefusals() {
  document.querySelectorAll('.procurement-refusal').forEach(node => node.remove());
  document.querySelectorAll('.procurement-refused').forEach(node => node.classList.remove('procurement-refused'));
}

/** Shows the refusal under its field, or at the end of the form; returns the element shown. */
export function showRefusal(message, key) {
  clearRefusals();
  const box = document.createElement('div');
  box.className = 'fjs-form-field-error procurement-refusal';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  const field = key ? fieldElement(key) : null;
  if (field) {
    field.classList.add('procurement-refused');
    field.appendChild(box);
  } else {
    const form = visibleForms()[0];
    if (!form) {
      return null;
    }
    box.classList.add('procurement-refusal-form');
    form.appendChild(box);
  }
  box.scrollIntoView({block: 'center'});
  const input = field && field.querySelector('input:not([type=hidden]), textarea');
  if (input) {
    input.focus({preventScroll: true});
  }
  return box;
}

function refusalOf(status, text) {
  if (status !== 400 || !text) {
    return null;
  }
  try {
    const body = JSON.parse(text);
    return body && body.type === REFUSAL_TYPE && body.message ? body : null;
  } catch (e) {
    return null;
  }
}

function onSubmitAnswer(kind, status, text) {
  const refusal = refusalOf(status, text);
  if (!refusal) {
    clearRefusals();
    return;
  }
  if (showRefusal(refusal.message, refusal.field)) {
    shownMessages.add(refusal.message);
  }
}

onSubmitForm(onSubmitAnswer);

// Tasklist loads form schemas with fetch.
const originalFetch = window.fetch;
window.fetch = function (resource, init) {
  const url = typeof resource === 'string' ? resource : resource && resource.url;
  const answer = originalFetch.apply(this, arguments);
  if (url && FORM_SCHEMA.test(url)) {
    answer.then(response => response.clone().json()).then(rememberSchema).catch(() => {});
  }
  return answer;
};

// Tasklist's red box for a refusal already shown next to its field would only repeat it, further away.
angularService('Notifications').then(notifications => {
  const add = notifications.add;
  notifications.add = function (notification) {
    const text = notification && (String(notification.message || '') + String(notification.status || ''));
    if (notification && notification.type === 'danger' && [...shownMessages].some(m => text.includes(m))) {
      return undefined;
    }
    return add.apply(this, arguments);
  };
});

export default [];
