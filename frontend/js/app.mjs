// Starts the GOV.UK and MOJ components on every page. Loaded as a module, so old browsers
// without module support keep the plain HTML, which works on its own.
import { initAll as initGovuk } from "./govuk-frontend.min.js";
import { initAll as initMoj } from "./moj-frontend.min.js";

initGovuk();
initMoj();
