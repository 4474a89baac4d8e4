// Timeline entries: the server sends a code and its parameters; these are the words.
export default {
  person: {
    created: 'File opened',
    created_by_form: 'File opened from the registration form sent by {sender}',
    created_demo: 'File opened (demo data)',
    updated: 'File edited ({count} fields)',
  },
  class: {
    key: 'Classified as key subject: {criteria}',
    general: 'Classified as general subject',
    generalBecause: 'Classified as general subject: no longer {criteria}',
    criterion: {
      reoffending_tendency: 'obvious tendency to re-offend',
      false_name: 'false name',
      false_identity: 'false identity',
      false_address: 'false address',
      three_none: '"three withouts"',
      national_security: 'crime endangering national security',
    },
  },
  period: {
    expired: 'Assistance period ended ({end_date}); released from assistance automatically (R-PER-1)',
  },
  custody: {
    detention: 'In custody from {from} (days in custody do not count; tasks due then do not apply)',
    detention_until: 'In custody {from} to {to} (days in custody do not count; tasks due then do not apply)',
    ended: 'Custody ended {to}; assistance continues',
    new_sentence: 'New sentence from {from}: the period of the release on {old_release} ended; expected release {release}, when a new period starts',
    confirmed: 'New custody reported by {source} confirmed ({from}); the running period ended',
  },
  pickup: {
    recorded: 'Picked up {picked_on} at {place} by {team}',
  },
  registration: {
    recorded: 'Registered {registered_on}',
    recorded_explained: 'Registered {registered_on}; assistance policies explained',
    corrected: 'Registration corrected (registered {registered_on}); reason: {reason}',
  },
  education: {
    session: 'Attended {kind} education: {topic} ({held_on})',
    session_absent: 'Listed for {kind} education but absent: {topic} ({held_on})',
    talk: 'Individual talk on {held_on}: {topic} (by {talked_by})',
    kind: { thought: 'thought', legal: 'legal', moral: 'moral', cultural: 'cultural' },
  },
  publicity: {
    consent: 'Consent to publicity recorded ({given_on}, scope: {scope})',
    consent_until: 'Consent to publicity recorded ({given_on}, scope: {scope}, until {valid_until})',
    published: 'Exemplary case published: {title}',
    scope: { internal: 'internal only', public_media: 'internal and public media' },
  },
  followup: {
    visit: 'Visit {held_on} ({form})',
    review: 'Full review {held_on} ({form})',
  },
  transfer: {
    kind: { residence: 'Change of residence', household: 'Change of household registration', identity_established: 'Identity established' },
    requested: '{kind} requested: to {to}, waiting for the receiving side',
    accepted: '{kind} accepted: {from} → {to}',
    rejected: '{kind} returned: {from} → {to} ({note})',
    withdrawn: '{kind} request withdrawn (to {to})',
  },
  release: {
    notified: 'Notified before release ({notified_on}, {method}): {units}',
    method: { phone: 'phone', document: 'in writing', meeting: 'meeting', in_person: 'in person' },
  },
  document: {
    registration_form: '{sender} sent the registration form (in custody since {custody_date})',
    registration_form_mail: 'Registration form from {sender} received by mail (in custody since {custody_date}, received {received_on}, entered by {entered_by})',
    new_custody_report: '{sender} reports new custody since {custody_date}; the household-registration judicial office confirms',
    verification: 'Verification: false name {false_name}, false identity {false_identity}, false address {false_address}',
    finding: { confirmed: 'confirmed', suspected: 'suspected', cleared: 'cleared' },
    release_notice: 'Release notice received: release {release_date}, risk {risk_level}',
    release_notice_corrected: 'Release notice corrected: release {old_release_date} → {release_date}, risk {risk_level}; reason: {reason}',
    risk: { high: 'high', medium: 'medium', low: 'low' },
    reception: 'Reception arrangement: picked up by {pickup_by}, planned {planned_date}',
    pickup_by: { township_team: 'the township team', family: 'family and a village representative' },
    family_change: 'Major family change reported ({occurred_on}): {summary}',
    family_change_help: 'Major family change reported ({occurred_on}): {summary}; the township is to help',
    family_help: 'Family help ({given_on}): {help}',
  },
  unknown: '(entry of kind {code})',
}
