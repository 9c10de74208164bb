#!/usr/bin/env bash
# Seed 000, "End-to-End Workflow: Pool-Level Firmware Update", steps 2 and 3, exactly as the guide writes
# them. Step 1 (authenticate) exports MOJOHOST and TOKEN: this script takes them from the environment.
set -euo pipefail

# Step 2: List Available Baselines
curl -s -k \
    -H "Authorization: Bearer ${TOKEN}" \
    ${MOJOHOST}/api/firmware_baseline/ | jq '.[] | {id, name, description}'

# Step 3: Check Compliance for a Pool
curl -s -k \
    -H "Authorization: Bearer ${TOKEN}" \
    "${MOJOHOST}/api/firmware_baseline/1/compliance/?pool=5" \
    | jq '{summary, non_compliant_servers: [.servers[] | select(.overall_status == "non_compliant") | {server_id, server_name, overall_status}]}'
