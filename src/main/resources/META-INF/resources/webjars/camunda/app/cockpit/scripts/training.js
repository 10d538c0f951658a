// The training mode's banner with the training clock (static/training/banner.js, the same on every page of the
// application); outside training mode it shows nothing.

import '../../../../training/banner.js';

export default [];
