#!/usr/bin/env bash
# Seed 000_35480276e7118798.txt, "End-to-End Workflow: Pool-Level Firmware Update", steps 1 to 5, copied
# exactly as written there, with three changes: step 1 keeps a MOJOHOST already set; step 4 keeps the
# request it prints in REQUEST (to follow it); step 5, which names no command ("Track the request status
# through the standard request API"), polls GET /api/requests/{id}/ until the request ends, then runs
# step 3's compliance check again.
set -euo pipefail

# Step 1: Authenticate

export MOJOHOST="${MOJOHOST:-https://<your-mojo-ip>}"
export TOKEN=$(curl -s -k -X POST \
    -H "Content-Type: application/json" \
    -d '{"username": "your_user", "password": "your_pass"}' \
    ${MOJOHOST}/api/token/ | jq -r '.access')

# Step 2: List Available Baselines

curl -s -k \
    -H "Authorization: Bearer ${TOKEN}" \
    ${MOJOHOST}/api/firmware_baseline/ | jq '.[] | {id, name, description}'

# Step 3: Check Compliance for a Pool

curl -s -k \
    -H "Authorization: Bearer ${TOKEN}" \
    "${MOJOHOST}/api/firmware_baseline/1/compliance/?pool=5" \
    | jq '{summary, non_compliant_servers: [.servers[] | select(.overall_status == "non_compliant") | {server_id, server_name, overall_status}]}'

# Step 4: Remediate Non-Compliant Servers

REQUEST=$(curl -s -k -X POST \
    -H "Content-Type: application/json" \
    -H "Authorization: Bearer ${TOKEN}" \
    -d '{"data": {"baseline": 1, "pool": 5}}' \
    ${MOJOHOST}/api/requests/firmware_baseline_update/)
echo "${REQUEST}"

# Step 5: Monitor Progress

REQUEST_ID=$(echo "${REQUEST}" | jq -r '.id')
while :; do
    PROGRESS=$(curl -s -k \
        -H "Authorization: Bearer ${TOKEN}" \
        ${MOJOHOST}/api/requests/${REQUEST_ID}/ \
        | jq -r '"\(.status) \(.progress.servers_done)/\(.progress.servers_total) \(.progress.percent)%"')
    echo "Request ${REQUEST_ID}: ${PROGRESS}"
    case "${PROGRESS}" in
        pending*|running*) sleep 1 ;;
        *) break ;;
    esac
done

curl -s -k \
    -H "Authorization: Bearer ${TOKEN}" \
    "${MOJOHOST}/api/firmware_baseline/1/compliance/?pool=5" \
    | jq '{summary, non_compliant_servers: [.servers[] | select(.overall_status == "non_compliant") | {server_id, server_name, overall_status}]}'
