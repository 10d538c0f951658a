// Cockpit configuration of Public Service Procurement (replaces the webapp's default, which sets nothing).
export default {
  // The name in the header and the page title (default "Camunda Cockpit").
  app: {
    vendor: '政府购买公共服务',
    name: '监控平台'
  },

  // As in Tasklist: Chinese (locales/zh.json, every key of Camunda's en.json) unless the browser asks for English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  customScripts: [
    'scripts/purchase-projects', // the project number and service name of every purchase, as a tab
    'scripts/supervision', // only the buttons a supervisor can use
    'scripts/training' // the training mode's banner and clock (nothing outside training mode)
  ]
};
