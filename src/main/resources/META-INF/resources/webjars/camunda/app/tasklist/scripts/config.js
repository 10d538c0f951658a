// Tasklist configuration of Public Service Procurement (replaces the webapp's default scripts/config.js).
export default {
  // The name in the header and the page title (default "Camunda Tasklist").
  app: {
    vendor: '政府购买公共服务',
    name: '任务平台'
  },

  // Chinese for every browser that does not ask for English first: Tasklist takes the first language of the
  // browser (zh-CN -> zh), uses it when listed here and the fallback otherwise. No dateFormat here: its
  // formats would apply to every language; Tasklist's default tokens (LLL, LL, ...) resolve per language, and
  // locales/zh.json defines them the Chinese way (LLL = YYYY-MM-DD HH:mm, LL = YYYY年M月D日).
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // Our additions, each an ES module in scripts/ (see the comment at the top of each):
  customScripts: [
    'scripts/form-dates', // dates in forms as 2027-01-01, unreadable dates refused
    'scripts/form-texts', // form-js's own messages and buttons in Chinese
    'scripts/form-money', // read-only amounts as 1,200,000.00 元
    'scripts/refusals', // server refusals next to the field concerned, once
    'scripts/officials', // only the buttons a role can use; what the role does and where
    'scripts/purchases', // 我的采购项目 and the project number right after filing
    'scripts/dynamic-list-errors', // tables (dynamic lists) that can be completed, see docs/forms.md
    'scripts/training' // the training mode's banner and clock (nothing outside training mode)
  ],

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
