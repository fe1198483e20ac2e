#!/usr/bin/env bash
# Prepares code signing for the release workflow from the repository's secrets, which
# arrive as environment variables (empty when a secret is not set). Writes signing.json,
# the configuration `scripts/bundle.sh --config signing.json` merges, and passes the Apple
# variables that are set on to the later steps ($GITHUB_ENV).
# Without secrets: the Windows installer is unsigned and the Mac app is signed ad hoc
# (bundle > macOS > signingIdentity "-" in tauri.conf.json).
set -euo pipefail

echo '{}' > signing.json

if [ -n "${APPLE_CERTIFICATE:-}" ] && [ -z "${APPLE_SIGNING_IDENTITY:-}" ]; then
  # The bundler would compare the certificate with the ad hoc identity "-" and stop.
  echo "APPLE_CERTIFICATE is set but APPLE_SIGNING_IDENTITY is not: set both secrets" >&2
  exit 1
fi
# Only variables that are set are passed on: the bundler takes a present but empty
# APPLE_CERTIFICATE for a certificate to import.
for name in APPLE_CERTIFICATE APPLE_CERTIFICATE_PASSWORD APPLE_SIGNING_IDENTITY APPLE_ID APPLE_PASSWORD APPLE_TEAM_ID; do
  if [ -n "${!name:-}" ]; then
    { echo "$name<<END_OF_SECRET"; echo "${!name}"; echo "END_OF_SECRET"; } >> "$GITHUB_ENV"
  fi
done

if [ "${RUNNER_OS:-}" = Windows ] && [ -n "${WINDOWS_CERTIFICATE:-}" ]; then
  echo "$WINDOWS_CERTIFICATE" | base64 --decode > certificate.pfx
  # shellcheck disable=SC2016 # $env: is PowerShell's
  thumbprint=$(powershell -NoProfile -Command '(Import-PfxCertificate -FilePath certificate.pfx -CertStoreLocation Cert:\CurrentUser\My -Password (ConvertTo-SecureString -String $env:WINDOWS_CERTIFICATE_PASSWORD -Force -AsPlainText)).Thumbprint')
  rm certificate.pfx
  printf '{"bundle":{"windows":{"certificateThumbprint":"%s","digestAlgorithm":"sha256","timestampUrl":"http://timestamp.digicert.com"}}}\n' \
    "$(echo "$thumbprint" | tr -d '\r\n ')" > signing.json
fi
