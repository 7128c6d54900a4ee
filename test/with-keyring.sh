#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring, so tests
# never touch the user's real keychain. The keyring files live in a temporary XDG_DATA_HOME that
# is removed afterwards. Usage: bash test/with-keyring.sh <command> [args...]
set -euo pipefail
if [[ "${MK_IN_PRIVATE_KEYRING:-}" == "1" ]]; then exec "$@"; fi
export MK_KEYRING_HOME="$(mktemp -d -t mk-keyring-XXXXXX)"
trap 'rm -rf "$MK_KEYRING_HOME"' EXIT
export XDG_DATA_HOME="$MK_KEYRING_HOME/data" XDG_RUNTIME_DIR="$MK_KEYRING_HOME/run" XDG_CONFIG_HOME="$MK_KEYRING_HOME/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c '
  set -euo pipefail
  # A throwaway password on stdin creates and unlocks a fresh "login" keyring in XDG_DATA_HOME.
  eval "$(printf "mk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL MK_IN_PRIVATE_KEYRING=1
  # The daemon exits by itself when this private bus closes at the end of dbus-run-session.
  "$@"
' mk-keyring "$@"
