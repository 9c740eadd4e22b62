// The platform's calendar days, shared with the portal (the offers' deadlines).
export { beijingDate, nextDay } from '../../../lib/beijing-date';
