// Welcome page configuration of Public Service Procurement (replaces the webapp's default, which sets nothing).
export default {
  // As in Tasklist: Chinese unless the browser's first language is English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
