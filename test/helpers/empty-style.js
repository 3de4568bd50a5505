// Stylesheets imported by UI components mean nothing to Node: rendered to markup in tests, they are empty.
module.exports = {};
