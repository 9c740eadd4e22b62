/** Notification channels of 免申即享 offers: e-mail, SMS (HTTP provider or log), and the offer texts they carry. */
export { type EmailSettings, emailChannel, smtpFailure, TRACE_HEADER } from './email-channel.js';
export type { DeliveryResult, NotifyChannel, OutboundMessage, Recipient } from './message.js';
export {
  type OfferItem,
  type OfferMessageInput,
  type OfferMessageText,
  type OfferReminderInput,
  offerNoticeMessage,
  offerReminderMessage,
  POLICY_TITLE,
  SMS_MAX_CHARS,
  SMS_SIGN,
} from './offer-templates.js';
export { type HttpSmsSettings, httpSmsChannel, logSmsChannel, mobileNumber } from './sms-channel.js';
