/**
 * The Kubernetes version the config asks for, against the one the control plane runs. Plain data;
 * no Pulumi import.
 *
 * With `cluster.supportType: STANDARD`, EKS upgrades a cluster to the next version itself at the end
 * of standard support (EKS User Guide, "View current cluster upgrade policy": "If your upgrade policy
 * is STANDARD, it will be automatically upgraded"). The config then names an older version than the
 * control plane runs, and the next `pulumi up` would ask EKS to set it back, which EKS refuses ("Once
 * you upgrade a cluster, you can't downgrade": "Update existing cluster to new Kubernetes version").
 * The program does not follow such an upgrade silently: the config stays the one record of the
 * version, so it refuses the run and says which version to write. Likewise EKS upgrades a control
 * plane one minor version at a time (eksctl's documentation in the EKS docs, "Cluster upgrades":
 * "Control plane version upgrades must be done for one minor version at a time").
 */

/** "1.35" -> 35: the minor of a Kubernetes version. */
function minor(version: string): number {
  return Number(version.split(".")[1]);
}

/** Problems with asking for `configured` while the control plane runs `running` (undefined: no cluster yet). */
export function kubernetesVersionProblems(running: string | undefined, configured: string): string[] {
  if (running === undefined || running === configured) return [];
  const key = "datafold-aws:cluster.kubernetesVersion";
  if (minor(running) > minor(configured)) {
    return [
      `${key}: got "${configured}", but the control plane already runs ${running} (with cluster.supportType STANDARD, EKS upgrades a cluster itself at the end of standard support) and EKS cannot downgrade it. ` +
        `Set cluster.kubernetesVersion to "${running}": the node groups and add-ons follow it in this run.`,
    ];
  }
  if (minor(configured) > minor(running) + 1) {
    const next = `1.${minor(running) + 1}`;
    return [
      `${key}: got "${configured}", but the control plane runs ${running} and EKS upgrades one minor version at a time. ` +
        `Set "${next}" and run pulumi up, then the next version.`,
    ];
  }
  return [];
}
