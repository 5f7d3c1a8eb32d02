// Import FIRST in a test file that must run as an installation without Paynow, whatever the process env holds.
for (const name of ["PAYNOW_INTEGRATION_ID", "PAYNOW_INTEGRATION_KEY", "PAYNOW_RESULT_URL", "PAYNOW_RETURN_URL", "PAYNOW_API_BASE"]) {
  delete process.env[name];
}
