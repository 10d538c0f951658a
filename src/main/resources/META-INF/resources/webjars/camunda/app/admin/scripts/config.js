// Admin configuration of Public Service Procurement (replaces the webapp's default, which sets nothing).
export default {
  // The name in the header and the page title (default "Camunda Admin").
  app: {
    vendor: '政府购买公共服务',
    name: '管理平台'
  },

  // As in Tasklist: Chinese (locales/zh.json, every key of Camunda's en.json) unless the browser asks for English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  customScripts: [
    'scripts/training' // the training mode's banner and clock (nothing outside training mode)
  ]
};
