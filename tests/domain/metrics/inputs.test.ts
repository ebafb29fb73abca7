import { availableInputs, missingInputReason, missingInputs, SOURCE_INPUTS } from '../../../src/domain/metrics';

describe('metric inputs', () => {
  it('are the union of what the selected sources supply', () => {
    const inputs = availableInputs(['mailchimp', 'hubspot']);
    expect(inputs.has('READ_TIME')).toBe(true); // HubSpot's open duration
    expect(inputs.has('LIST_MEMBERSHIPS')).toBe(true); // Mailchimp audiences
    expect(inputs.has('REPLIES')).toBe(false);
    expect(availableInputs([]).size).toBe(0);
  });

  it('count the workspace site domains once they are set', () => {
    expect(availableInputs(['sendgrid']).has('SITE_DOMAINS')).toBe(false);
    expect(availableInputs(['sendgrid'], { siteDomains: [] }).has('SITE_DOMAINS')).toBe(false);
    expect(availableInputs(['sendgrid'], { siteDomains: ['example.com'] }).has('SITE_DOMAINS')).toBe(true);
  });

  it('name what is missing, in catalogue order and in words', () => {
    const missing = missingInputs(['DELIVERY_STATUS', 'CLICKS', 'CONVERSIONS'], new Set(SOURCE_INPUTS.whatsapp));
    expect(missing).toEqual(['CLICKS', 'CONVERSIONS']);
    expect(missingInputReason(missing)).toBe('needs click events and conversion events, which none of the selected sources supply');
  });
});
