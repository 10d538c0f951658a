// Dates in Camunda Forms as Chinese officials write them.
//
// Tasklist 7.24 renders Camunda Forms with form-js 1.8, whose date field is a flatpickr calendar. form-js derives
// its input format from the browser's locale (new Intl.DateTimeFormat('default')), so the same form reads
// "2027-01-01" as a US date in one browser and shows 12/31/2027 back, and flatpickr's own parser takes any text
// it can partly match (2027年1月1日 once became 8/7/2027). flatpickr is a global (window.flatpickr) that merges
// its defaultConfig into every calendar and calls the onParseConfig hook after form-js's options are applied:
// here every calendar gets the Chinese month and weekday names, the format 2027-01-01, and a parser that reads
// only year-first dates (2027-01-01, 2027/1/1, 2027.1.1, 2027年1月1日). Any other text is refused with a message
// under the field, and the form cannot be submitted until the date is corrected; it is never reinterpreted.

const CHINESE = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};

/** What the calendar shows and what the field shows back: the ISO order Chinese officials use. */
export const DATE_FORMAT = 'Y-m-d';
export const PLACEHOLDER = '年-月-日，如 2027-01-01';

const YEAR_FIRST = /^(\d{4})\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The date a text means, or null: only year-first dates of the calendar (no 2027-02-30), nothing guessed. */
export function readDate(text) {
  const value = String(text == null ? '' : text).trim();
  const match = YEAR_FIRST.exec(value) || COMPACT.exec(value);
  if (!match) {
    return null;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  const real = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return real && year >= 1900 ? date : null;
}

function fieldOf(instance) {
  return instance.input && instance.input.closest('.fjs-form-field');
}

function showRefusal(instance, text) {
  const field = fieldOf(instance);
  if (!field) {
    return;
  }
  let message = field.querySelector('.procurement-date-refusal');
  if (!message) {
    message = document.createElement('div');
    message.className = 'fjs-form-field-error procurement-date-refusal';
    message.setAttribute('role', 'alert');
    field.appendChild(message);
  }
  message.textContent = '无法识别的日期“' + text + '”：请按“年-月-日”填写，例如 2027-01-01，或在日历中选择。';
  field.classList.add('procurement-date-refused');
}

function clearRefusal(instance) {
  const field = fieldOf(instance);
  if (!field) {
    return;
  }
  field.querySelectorAll('.procurement-date-refusal').forEach(node => node.remove());
  field.classList.remove('procurement-date-refused');
}

function configure(selectedDates, dateText, instance) {
  instance.config.dateFormat = DATE_FORMAT;
  instance.config.parseDate = text => {
    const date = readDate(text);
    if (date) {
      clearRefusal(instance);
    } else if (String(text).trim() !== '') {
      // flatpickr clears the field when the parser returns nothing; say why, and keep the form from going out
      showRefusal(instance, String(text).trim());
    }
    return date || undefined;
  };
  // form-js replaces onChange after creating the calendar; onValueUpdate follows every date picked or typed
  instance.config.onValueUpdate = [].concat(instance.config.onValueUpdate || [], dates => {
    if (dates.length) {
      clearRefusal(instance);
    }
  });
  if (instance.input) {
    instance.input.placeholder = PLACEHOLDER;
  }
}

/** A refused date blocks Start/Complete: a form must not go out with a date the official believes was entered. */
function holdSubmissionWhileRefused(event) {
  const button = event.target.closest && event.target.closest(
    "button[ng-click='complete()'], button[ng-click='startProcessInstance()'], button.fjs-button[type='submit']");
  if (!button) {
    return;
  }
  const refused = document.querySelector('.procurement-date-refused');
  if (refused) {
    event.preventDefault();
    event.stopImmediatePropagation();
    refused.scrollIntoView({block: 'center'});
    const input = refused.querySelector('input');
    if (input) {
      input.focus();
    }
  }
}

if (window.flatpickr) {
  window.flatpickr.localize(CHINESE);
  const hooks = [].concat(window.flatpickr.defaultConfig.onParseConfig || []);
  window.flatpickr.setDefaults({onParseConfig: hooks.concat(configure)});
  document.addEventListener('click', holdSubmissionWhileRefused, true);
}

export default [];
