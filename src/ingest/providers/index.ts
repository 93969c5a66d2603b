import type { ProviderAdapter } from '../adapter.js';
import { brevo } from './brevo.js';
import { hubspot } from './hubspot.js';
import { mailchimp } from './mailchimp.js';
import { mailgun } from './mailgun.js';
import { postmark } from './postmark.js';
import { sendgrid } from './sendgrid.js';
import { ses } from './ses.js';
import { sparkpost } from './sparkpost.js';

/**
 * The provider adapters `format: 'auto'` chooses from, and that `format: '<name>'` selects. Order
 * breaks ties between equal detection scores (earlier wins). To add a provider: import it and add one
 * line to this list (the generic reader is not listed: it is the fallback).
 */
export const PROVIDERS: readonly ProviderAdapter[] = [
  sendgrid,
  mailchimp,
  mailgun,
  ses,
  postmark,
  hubspot,
  brevo,
  sparkpost,
];

/**
 * The adapter registered under `name`, or `undefined`.
 *
 * @example
 * providerByName('sendgrid')?.label //=> 'SendGrid Event Webhook / Email Activity CSV'
 */
export function providerByName(name: string): ProviderAdapter | undefined {
  return PROVIDERS.find((p) => p.name === name);
}
