// Amounts shown as money: a read-only amount in a form (预算金额（元）, 合同金额 ...) reads 1,200,000.00 元, not
// 1200000. form-js 1.8 shows a number field's value as typed digits. A read-only field's value never changes after
// the form is shown, and form-js submits its own data, not the page's text, so only what is shown changes here.

const AMOUNT_LABEL = /元|金额|价格|报价|预算/;

export function yuan(value) {
  const number = Number(String(value).replace(/,/g, ''));
  if (String(value).trim() === '' || !Number.isFinite(number)) {
    return null;
  }
  return number.toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2}) + ' 元';
}

function showAsMoney(field) {
  const input = field.querySelector('input.fjs-input[readonly]');
  const label = field.querySelector('.fjs-form-field-label');
  if (!input || !label || !AMOUNT_LABEL.test(label.textContent) || input.dataset.procurementMoney === input.value) {
    return;
  }
  const shown = yuan(input.value);
  if (shown) {
    input.value = shown;
    input.dataset.procurementMoney = shown;
    input.classList.add('procurement-money');
  }
}

function scan() {
  document.querySelectorAll('.fjs-form-field-number').forEach(showAsMoney);
}

new MutationObserver(scan).observe(document.documentElement, {childList: true, subtree: true});

export default [];
