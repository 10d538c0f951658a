// Cockpit configuration of Public Service Procurement (replaces the webapp's default, which sets nothing).
export default {
  // scripts/purchase-projects.js: the project number and service name of every purchase, as a tab
  customScripts: ['scripts/purchase-projects']
};
