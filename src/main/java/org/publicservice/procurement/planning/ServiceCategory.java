package org.publicservice.procurement.planning;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Categories of public services bought from social organisations (the select of the request form). */
public enum ServiceCategory {
  ELDERLY_CARE("养老服务"),
  COMMUNITY_SERVICE("社区服务"),
  SOCIAL_WORK("社会工作服务"),
  VOCATIONAL_TRAINING("职业技能培训"),
  PUBLIC_HEALTH("公共卫生服务"),
  DISABILITY_SUPPORT("助残服务"),
  CHILD_AND_YOUTH("儿童青少年服务"),
  LEGAL_AID("法律援助与调解"),
  OTHER("其他公共服务");

  private final String label;

  ServiceCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Set<String> codes() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }
}
