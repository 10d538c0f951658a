// Camunda Forms in Chinese: form-js 1.8 (bundled in Tasklist 7.24) writes its validation messages, placeholders
// and buttons in English and offers no translation hook. Its fields are Preact components, which compare new
// output with their previous output, not with the page: a text replaced here stays replaced until form-js itself
// changes it (another error, say), and then the observer below translates the new text.

const FIXED = new Map([
  ['Field is required.', '此项为必填项。'],
  ['Field must be a valid email.', '请填写有效的电子邮箱地址。'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    '请填写有效的电话号码，国际格式，例如 +8651385000000。'],
  ['Date and time must both be entered.', '日期和时间须同时填写。'],
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '没有匹配的选项'],
  ['All values selected', '已全部选择'],
  ['Add new', '添加一行'],
  ['Collapse', '收起'],
  ['Nothing to show.', '暂无内容。'],
  ['No content to show.', '暂无内容。'],
  ["External content couldn't be loaded.", '无法加载外部内容。'],
  ['Remove tag', '移除'],
  ['Increment', '增加'],
  ['Decrement', '减少'],
  ['Previous page', '上一页'],
  ['Next page', '下一页'],
  ['Date', '日期'],
  ['Time', '时间']
]);

const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, (m, v) => '不能小于 ' + v + '。'],
  [/^Field must have maximum value of (.+)\.$/, (m, v) => '不能大于 ' + v + '。'],
  [/^Field must have minimum length of (.+)\.$/, (m, v) => '至少填写 ' + v + ' 个字。'],
  [/^Field must have maximum length of (.+)\.$/, (m, v) => '不能超过 ' + v + ' 个字。'],
  [/^Field must match pattern .+\.$/s, () => '格式不正确，请按说明填写。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m, a, b) => '请填写有效的数值，最接近的有效值为 ' + a + ' 和 ' + b + '。'],
  [/^Expand all \((\d+)\)$/, (m, n) => '展开全部（' + n + '）'],
  [/^Remove list item (\d+)$/, (m, n) => '删除第 ' + n + ' 行'],
  [/^Click to sort by (.+) ascending$/, (m, c) => '按“' + c + '”升序排列'],
  [/^Click to sort by (.+) descending$/, (m, c) => '按“' + c + '”降序排列']
];

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

/** The Chinese text for an English text of form-js, or null when the text is not one of form-js's own. */
export function chinese(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (FIXED.has(trimmed)) {
    return text.replace(trimmed, FIXED.get(trimmed));
  }
  for (const [pattern, replace] of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) {
      return text.replace(trimmed, replace(...match));
    }
  }
  return null;
}

function insideForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest('.fjs-container'));
}

function translateText(node) {
  const translated = chinese(node.data);
  if (translated !== null && translated !== node.data) {
    node.data = translated;
  }
}

function translateAttributes(element) {
  ATTRIBUTES.forEach(name => {
    const value = element.getAttribute(name);
    const translated = value && chinese(value);
    if (translated && translated !== value) {
      element.setAttribute(name, translated);
    }
  });
}

export function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (insideForm(root)) {
      translateText(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || !insideForm(root) && !root.querySelector('.fjs-container')) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (insideForm(node)) {
        translateText(node);
      }
    } else if (insideForm(node)) {
      translateAttributes(node);
    }
  }
}

// Tasklist greys out 完成/发起 while form-js finds a field missing or wrong, and says nothing; say why, next to it.
const SUBMIT_BUTTONS = "button[ng-click='complete()'], button[ng-click='startProcessInstance()']";
const DISABLED_HINT = '请先填写所有标 * 的必填项；不符合要求的项目下方有红字说明。';

function explainDisabledButtons() {
  document.querySelectorAll(SUBMIT_BUTTONS).forEach(button => {
    const hint = button.parentElement && button.parentElement.querySelector('.procurement-disabled-hint');
    const needed = button.disabled && !!document.querySelector('.fjs-container') && button.offsetParent !== null;
    if (needed && !hint) {
      const note = document.createElement('span');
      note.className = 'procurement-disabled-hint';
      note.textContent = DISABLED_HINT;
      button.before(note);
    } else if (!needed && hint) {
      hint.remove();
    }
  });
}

const observer = new MutationObserver(mutations => {
  explainDisabledButtons();
  mutations.forEach(mutation => {
    if (mutation.type === 'characterData') {
      translateTree(mutation.target);
    } else if (mutation.type === 'attributes') {
      if (mutation.attributeName !== 'disabled' && insideForm(mutation.target)) {
        translateAttributes(mutation.target);
      }
    } else {
      mutation.addedNodes.forEach(translateTree);
    }
  });
});

observer.observe(document.documentElement, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES, 'disabled']
});

export default [];
