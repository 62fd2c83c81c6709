-- Argo CD health check for detector.dev/Dataset: argocd-cm key resource.customizations.health.detector.dev_Dataset
-- (the chart renders it with argocd.healthChecks.enabled=true). Lua 5.1 as Argo CD's gopher-lua runs it.
-- The operator publishes the kstatus conditions (docs/gitops.md): exactly one of Ready, Reconciling and Stalled is
-- True, each with the generation it describes.
--   detector.dev/paused: "true"                  -> Suspended (the operator takes no action on the object)
--   no status yet, or one older than the spec    -> Progressing (the operator has not looked at this generation)
--   Stalled=True                                 -> Degraded (needs a person; the message says what)
--   Reconciling=True                             -> Progressing
--   Ready=True                                   -> Healthy
local hs = {}
local meta = obj.metadata or {}
local annotations = meta.annotations or {}
local paused = annotations["detector.dev/paused"]
if type(paused) == "string" and string.lower(string.match(paused, "^%s*(.-)%s*$")) == "true" then
  hs.status = "Suspended"
  hs.message = "Dataset is paused (detector.dev/paused: \"true\"); the operator takes no action"
  return hs
end
local status = obj.status
if status == nil or status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report the status of Dataset"
  return hs
end
local generation = meta.generation
if generation ~= nil and status.observedGeneration ~= generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end
local conditions = {}
for _, condition in ipairs(status.conditions) do
  if condition.type ~= nil then
    conditions[condition.type] = condition
  end
end
local verdicts = { { "Stalled", "Degraded" }, { "Reconciling", "Progressing" }, { "Ready", "Healthy" } }
for _, verdict in ipairs(verdicts) do
  local condition = conditions[verdict[1]]
  if condition ~= nil and condition.status == "True" then
    if generation ~= nil and condition.observedGeneration ~= nil and condition.observedGeneration ~= generation then
      hs.status = "Progressing"
      hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
      return hs
    end
    hs.status = verdict[2]
    hs.message = tostring(status.phase or "") .. " (" .. tostring(condition.reason or "") .. "): " .. tostring(condition.message or "")
    return hs
  end
end
hs.status = "Progressing"
hs.message = "Waiting for the operator to set Ready, Reconciling or Stalled on Dataset"
return hs
