// A purchasing department's purchases in Tasklist (我的采购项目, at #/purchases): project number, service,
// stage, open steps with who acts and by when, the next deadline. The data comes from GET /officials/purchases
// (officials/PurchaseOverview), which answers for the departments of the logged-in official only.
// Right after a purchase request is filed, Tasklist shows its project number with a link to this page.

import {angularService, applicationPath, getJson, onSubmitForm} from './tasklist-services.js';

const PATH = '/purchases';

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null && text !== '') {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function deadlineCell(deadline) {
  const cell = element('td');
  if (!deadline) {
    cell.textContent = '—';
    return cell;
  }
  cell.appendChild(element('div', deadline.at, deadline.overdue ? 'procurement-overdue' : null));
  cell.appendChild(element('div', deadline.what + (deadline.overdue ? '（已逾期）' : ''), 'text-muted'));
  return cell;
}

function stepsCell(purchase) {
  const cell = element('td');
  if (!purchase.running) {
    cell.textContent = '—';
    return cell;
  }
  if (!purchase.steps.length) {
    cell.appendChild(element('div', '系统处理中或等待期限届满', 'text-muted'));
  }
  purchase.steps.forEach(step => {
    const line = cell.appendChild(element('div', null, 'procurement-step'));
    line.appendChild(element('strong', step.task));
    line.appendChild(element('span', '：' + step.who));
    if (step.due) {
      line.appendChild(element('span', '，' + step.due + ' 前' + (step.overdue ? '（已逾期）' : ''),
        step.overdue ? 'procurement-overdue' : 'text-muted'));
    }
  });
  return cell;
}

function render(node, answer) {
  node.innerHTML = '';
  const page = node.appendChild(element('div', null, 'procurement-purchases'));
  page.appendChild(element('h3', '我的采购项目'));
  page.appendChild(element('p', '采购单位：' + answer.departments.join('、') + '。列出本单位提交的全部采购项目，最新的在前。'
    + '时间均为北京时间。', 'text-muted'));
  if (!answer.purchases.length) {
    page.appendChild(element('div', '本单位还没有提交采购申请。点击“发起流程 → 政府购买服务项目”提交。', 'well'));
    return;
  }
  const table = page.appendChild(element('table', null, 'table table-striped procurement-purchases-table'));
  const head = table.appendChild(element('thead')).appendChild(element('tr'));
  ['项目编号', '服务项目', '预算', '采购方式', '所处阶段', '待办事项与办理方', '下一期限', '提交时间']
    .forEach(label => head.appendChild(element('th', label)));
  const body = table.appendChild(element('tbody'));
  answer.purchases.forEach(purchase => {
    const row = body.appendChild(element('tr'));
    row.dataset.projectNumber = purchase.projectNumber;
    row.appendChild(element('td', purchase.projectNumber, 'procurement-project-number'));
    row.appendChild(element('td', purchase.serviceName));
    row.appendChild(element('td', purchase.budget, 'procurement-money'));
    row.appendChild(element('td', purchase.method));
    row.appendChild(element('td', purchase.stage));
    row.appendChild(stepsCell(purchase));
    row.appendChild(deadlineCell(purchase.nextDeadline));
    row.appendChild(element('td', purchase.filedAt));
  });
}

const page = {
  id: 'procurement-purchases-page',
  pluginPoint: 'tasklist.route',
  properties: {path: PATH},
  render: node => {
    node.appendChild(element('p', '正在加载……'));
    getJson(applicationPath('/officials/purchases'))
      .then(answer => render(node, answer))
      .catch(() => {
        node.innerHTML = '';
        node.appendChild(element('div', '无法加载采购项目：只有采购单位的工作人员可以查看本单位的采购项目。', 'alert alert-danger'));
      });
  }
};

const navbarLink = {
  id: 'procurement-purchases-action',
  pluginPoint: 'tasklist.navbar.action',
  priority: 150,
  render: node => {
    const anchor = node.appendChild(element('a', null, 'procurement-purchases-link'));
    anchor.href = '#' + PATH;
    anchor.appendChild(element('span', null, 'glyphicon glyphicon-list-alt'));
    anchor.appendChild(document.createTextNode(' 我的采购项目'));
  }
};

function escape(text) {
  return element('span', text).innerHTML;
}

// The start of a purchase answers with the new process instance, whose business key is the project number.
// Tasklist then clears every notification (it jumps to the new task list) and says "流程已发起。" for 3 seconds;
// the project number must stay until the official closes it.
const SETTLE_MS = 1500;

function confirmation(projectNumber) {
  return {
    type: 'success',
    status: '已提交，项目编号：' + escape(projectNumber),
    message: '请记下项目编号。审核和办理进展见 <a href="#' + PATH + '" class="procurement-purchases-link">我的采购项目</a>。',
    unsafe: true,
    procurementProjectNumber: projectNumber
  };
}

onSubmitForm((kind, status, text) => {
  if (kind !== 'start' || status !== 200) {
    return;
  }
  let instance;
  try {
    instance = JSON.parse(text);
  } catch (e) {
    return;
  }
  if (!instance || !instance.businessKey) {
    return;
  }
  angularService('Notifications').then(notifications => setTimeout(() => {
    const shown = notifications.notifications.some(n => n.procurementProjectNumber === instance.businessKey);
    if (!shown) {
      notifications.add(confirmation(instance.businessKey));
    }
  }, SETTLE_MS));
});

export default [page, navbarLink];
