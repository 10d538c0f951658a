// Tasklist configuration of Public Service Procurement (replaces the webapp's default scripts/config.js).
export default {
  // Scripts Tasklist loads (paths relative to app/tasklist/, without .js), one file per concern:
  // dynamic-list-errors.js lets forms with dynamic lists (tables) be completed (docs/forms.md).
  customScripts: ['scripts/dynamic-list-errors'],

  // Chinese for every browser that does not ask for English first: Tasklist takes the first language of the
  // browser (zh-CN -> zh), uses it when listed here and the fallback otherwise. No dateFormat here: its
  // formats would apply to every language; Tasklist's default tokens (LLL, LL, ...) resolve per language, and
  // locales/zh.json defines them the Chinese way (LLL = YYYY-MM-DD HH:mm, LL = YYYY年M月D日).
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // The webapp's default shortcuts; Tasklist shows the descriptions as they are, untranslated, in its help.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
