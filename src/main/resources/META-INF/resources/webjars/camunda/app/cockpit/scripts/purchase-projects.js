// Cockpit plugin: supervisors see each purchase (and each stage of one) by its project number and service name,
// not by a UUID.
// Data comes from Cockpit's own session-authenticated engine API, so a user sees only what the engine allows.

const SHOWN_VARIABLES = ['serviceName', 'departmentName', 'budget', 'procurementMethodName'];

function get(api, path) {
  return fetch(api.engineApi + path, {
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
    credentials: 'same-origin'
  }).then(response => {
    if (!response.ok) {
      throw new Error(response.status + ' ' + response.statusText);
    }
    return response.json();
  });
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function yuan(value) {
  return typeof value === 'number'
    ? value.toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2}) + ' 元'
    : '';
}

const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23'
});

/**
 * A time of the engine API ("2026-12-06T03:55:12.000+0000": the server's zone, UTC on most servers) as Beijing
 * time, "2026-12-06 11:55", whatever the zone of the server or of the supervisor's browser.
 */
function beijing(engineTime) {
  if (!engineTime) {
    return '';
  }
  const date = new Date(engineTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (isNaN(date.getTime())) {
    return engineTime;
  }
  const part = Object.fromEntries(BEIJING.formatToParts(date).map(p => [p.type, p.value]));
  return part.year + '-' + part.month + '-' + part.day + ' ' + part.hour + ':' + part.minute;
}

function state(instance) {
  if (!instance.endTime) {
    return '进行中';
  }
  return instance.state === 'COMPLETED' ? '已结束' : '已终止';
}

function variablesByInstance(api, instanceIds) {
  if (instanceIds.length === 0) {
    return Promise.resolve({});
  }
  const query = '/history/variable-instance?deserializeValues=false'
    + '&variableNameIn=' + SHOWN_VARIABLES.join(',')
    + '&processInstanceIdIn=' + instanceIds.join(',');
  return get(api, query).then(variables => variables.reduce((byInstance, variable) => {
    (byInstance[variable.processInstanceId] = byInstance[variable.processInstanceId] || {})[variable.name] =
      variable.value;
    return byInstance;
  }, {}));
}

function renderTable(node, instances, variables, api) {
  const table = element('table', null, 'cam-table');
  const head = element('tr');
  ['项目编号', '服务项目名称', '采购单位', '预算', '采购方式', '发起时间（北京时间）', '状态'].forEach(label =>
    head.appendChild(element('th', label)));
  table.appendChild(element('thead')).appendChild(head);
  const body = table.appendChild(element('tbody'));
  instances.forEach(instance => {
    const values = variables[instance.id] || {};
    const row = element('tr');
    const numberCell = element('td');
    const link = element('a', instance.businessKey || instance.id);
    link.href = '#/process-instance/' + encodeURIComponent(instance.id) + '/'
      + (instance.endTime ? 'history' : 'runtime');
    numberCell.appendChild(link);
    row.appendChild(numberCell);
    row.appendChild(element('td', values.serviceName));
    row.appendChild(element('td', values.departmentName));
    row.appendChild(element('td', yuan(values.budget)));
    row.appendChild(element('td', values.procurementMethodName));
    row.appendChild(element('td', beijing(instance.startTime)));
    row.appendChild(element('td', state(instance)));
    body.appendChild(row);
  });
  node.appendChild(table);
}

const projectsOfDefinition = {
  id: 'purchaseProjects',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 20,
  properties: {label: '采购项目'},
  render: (node, {api, processDefinitionId}) => {
    node.innerHTML = '';
    // stages and mail deliveries carry the purchase's project number as business key too
    const status = node.appendChild(element('p', '正在加载……'));
    get(api, '/history/process-instance?processDefinitionId=' + encodeURIComponent(processDefinitionId)
        + '&sortBy=startTime&sortOrder=desc&maxResults=200')
      .then(instances => variablesByInstance(api, instances.map(i => i.id))
        .then(variables => {
          status.textContent = instances.length === 0 ? '暂无采购项目。' : '最近 ' + instances.length + ' 个采购项目：';
          renderTable(node, instances, variables, api);
        }))
      .catch(error => {
        status.textContent = '无法加载采购项目：' + error.message;
      });
  }
};

const projectOfInstance = {
  id: 'purchaseProject',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: {label: '项目概况'},
  render: (node, {api, processInstanceId}) => {
    node.innerHTML = '';
    get(api, '/history/process-instance/' + encodeURIComponent(processInstanceId))
      .then(instance => variablesByInstance(api, [instance.id]).then(variables => {
        const values = variables[instance.id] || {};
        const list = element('dl', null, 'dl-horizontal');
        [['项目编号', instance.businessKey], ['服务项目名称', values.serviceName], ['采购单位', values.departmentName],
          ['预算', yuan(values.budget)], ['采购方式', values.procurementMethodName]].forEach(([label, value]) => {
          list.appendChild(element('dt', label));
          list.appendChild(element('dd', value || '—'));
        });
        node.appendChild(list);
      }))
      .catch(error => node.appendChild(element('p', '无法加载项目概况：' + error.message)));
  }
};

export default [projectsOfDefinition, projectOfInstance];
