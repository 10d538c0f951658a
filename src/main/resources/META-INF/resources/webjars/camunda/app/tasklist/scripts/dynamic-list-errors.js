// Makes Camunda Forms with dynamic lists submittable in Tasklist 7.24.
//
// Tasklist greys out 完成/发起 as soon as the form-js state holds any error key (cam-tasklist-form-camunda.js:
// `!!Object.keys(evt.errors).length` on every 'changed' event). The form-js 1.8.7 that Tasklist 7.24 bundles
// records a field's errors under [field id, row index] and, once the field is valid again, sets that path to
// undefined (Form._update, UpdateFieldInstanceValidationHandler): for a field inside a dynamic list this leaves
// an empty `errors[fieldId] = []` behind. form-js validates every prefilled field once when the form opens and
// every other field on its first blur or change, so a form with a list is grey from the start (rows prefilled)
// or from the first touch of a row, for good and with no message. form-js fixed this upstream in 1.21.3
// (bpmn-io/form-js#1494, "clear ghost error entries for dynamic list fields"); Tasklist 7.24 is the last
// Community Edition and will not get it. This script applies the same correction to the Form class Tasklist
// uses: every new error state is stored without entries that hold no message. Real errors stay where they were
// (row indexes are kept), so form-js still shows them and Tasklist still refuses an invalid form.
// form-js 1.8.7 also keeps the errors of a row the user removes (and shows them on the row that moves up); so a
// removed row takes its errors with it here, and the rows below keep theirs.

// Tasklist's bundles are webpack chunks registered on this global; pushing a chunk with a runtime callback is
// webpack's own way of handing that callback its module loader.
const CHUNK_GLOBAL = 'webpackChunkcamunda_bpm_webapp';
const CHUNK_ID = 'procurement-dynamic-list-errors';
// A text only form-js's Form class contains (Form.submit of form-js-viewer 1.8.x).
const FORM_MODULE_MARKER = 'form is read-only';

/** The errors without empty entries: message arrays kept, rows kept at their index, empty containers dropped. */
export function withoutEmptyEntries(errors) {
  const pruned = prune(errors);
  return pruned === undefined ? {} : pruned;
}

function prune(value) {
  if (Array.isArray(value)) {
    const entries = value.map(prune);
    return entries.some(entry => entry !== undefined) ? entries : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const kept = {};
    Object.keys(value).forEach(key => {
      const entry = prune(value[key]);
      if (entry !== undefined) {
        kept[key] = entry;
      }
    });
    return Object.keys(kept).length ? kept : undefined;
  }
  return value === null ? undefined : value;
}

/** The ids of the fields inside a dynamic list, nested groups and lists included. */
function fieldIdsInside(field) {
  return (field.components || []).reduce((ids, child) => ids.concat([child.id], fieldIdsInside(child)), []);
}

/** The index of the row that `after` lacks, if `after` is `before` with one row removed; -1 otherwise. */
function removedRow(before, after) {
  if (!Array.isArray(before) || !Array.isArray(after) || after.length !== before.length - 1) {
    return -1;
  }
  const index = after.findIndex((row, i) => row !== before[i]);
  return index === -1 ? after.length : index;
}

/**
 * The errors with one row of a list taken out: errors of a field inside the list sit at
 * [field id, ...indexes of the enclosing lists, row], so the row's entry is spliced out at that place.
 */
function withoutRow(errors, listField, listIndexes, row) {
  const outer = Object.keys(listIndexes || {}).map(key => listIndexes[key]);
  const result = Object.assign({}, errors);
  fieldIdsInside(listField).forEach(id => {
    if (!result[id]) {
      return;
    }
    const copy = JSON.parse(JSON.stringify(result[id]));
    const rows = outer.reduce((level, index) => (level ? level[index] : undefined), copy);
    if (Array.isArray(rows)) {
      rows.splice(row, 1);
    }
    result[id] = copy;
  });
  return result;
}

function path(data, valuePath) {
  return valuePath.reduce((level, key) => (level === null || level === undefined ? undefined : level[key]), data);
}

function moduleLoader() {
  const chunks = self[CHUNK_GLOBAL];
  if (!chunks) {
    return null;
  }
  let load = null;
  chunks.push([[CHUNK_ID], {}, webpackRequire => {
    load = webpackRequire;
  }]);
  return load;
}

function formClass(load) {
  const id = Object.keys(load.m).find(moduleId => String(load.m[moduleId]).includes(FORM_MODULE_MARKER));
  if (id === undefined) {
    return null;
  }
  const exported = load(id);
  return Object.keys(exported).map(name => exported[name]).find(candidate =>
    typeof candidate === 'function' && candidate.prototype
    && ['importSchema', 'submit', 'validate', '_update', '_setState']
      .every(method => typeof candidate.prototype[method] === 'function')) || null;
}

function patch() {
  const load = moduleLoader();
  const Form = load && formClass(load);
  if (!Form) {
    console.error('dynamic-list-errors: form-js Form class not found; forms with lists may not be submittable');
    return;
  }
  if (Form.prototype._setState.withoutEmptyErrors) {
    return;
  }
  const setState = Form.prototype._setState;
  const setStateWithoutEmptyErrors = function(state) {
    if (state && state.errors) {
      state = Object.assign({}, state, {errors: withoutEmptyEntries(state.errors)});
    }
    return setState.call(this, state);
  };
  setStateWithoutEmptyErrors.withoutEmptyErrors = true;
  Form.prototype._setState = setStateWithoutEmptyErrors;

  const update = Form.prototype._update;
  Form.prototype._update = function(change) {
    const instance = change && change.fieldInstance;
    const field = instance && this.get('formFieldRegistry').get(instance.id);
    if (field && field.type === 'dynamiclist') {
      const state = this._getState();
      const row = removedRow(path(state.data, instance.valuePath), change.value);
      if (row !== -1) {
        this._state = Object.assign({}, state, {errors: withoutRow(state.errors, field, instance.indexes, row)});
      }
    }
    return update.call(this, change);
  };
}

patch();
