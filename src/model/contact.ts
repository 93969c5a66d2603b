import { z } from 'zod';

/** A free-form attribute value kept from a CRM export. */
export const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A contact as a CRM knows it. Only `email` is required; everything else improves fit, territory
 * matching and the call list (name, company, phone, timezone).
 */
export const ContactSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  company: z.string().optional(),
  title: z.string().optional(),
  phone: z.string().optional(),
  country: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: z.string().optional(),
  /** The rep id (or e-mail) that owns the contact in the CRM. */
  owner: z.string().optional(),
  /** A territory name kept from the CRM, matched against reps' territories. */
  territory: z.string().optional(),
  tags: z.array(z.string()).default([]),
  doNotCall: z.boolean().default(false),
  attributes: z.record(z.string(), AttributeValueSchema).default({}),
});
export type Contact = z.infer<typeof ContactSchema>;
export type ContactInput = z.input<typeof ContactSchema>;
