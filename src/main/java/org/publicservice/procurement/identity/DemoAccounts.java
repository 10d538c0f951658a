package org.publicservice.procurement.identity;

import static org.publicservice.procurement.identity.Groups.ADMIN;
import static org.publicservice.procurement.identity.Groups.DEPT_CIVIL_AFFAIRS;
import static org.publicservice.procurement.identity.Groups.DEPT_EDUCATION;
import static org.publicservice.procurement.identity.Groups.DEPT_HEALTH;
import static org.publicservice.procurement.identity.Groups.DEPT_HUMAN_RESOURCES;
import static org.publicservice.procurement.identity.Groups.DESIGNER;
import static org.publicservice.procurement.identity.Groups.EVALUATOR;
import static org.publicservice.procurement.identity.Groups.EXPERT;
import static org.publicservice.procurement.identity.Groups.FINANCE;
import static org.publicservice.procurement.identity.Groups.PURCHASER;
import static org.publicservice.procurement.identity.Groups.SOCIAL_ORGANISATION;
import static org.publicservice.procurement.identity.Groups.SUPERVISOR;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo users (profile {@code demo} only), all with the password from {@code procurement.demo.password}.
 * Persons carry the family name in {@code firstName} and the given name in {@code lastName}, so that Camunda's
 * "first last" display reads in Chinese order (王 敏); organisations carry their full name in {@code firstName}.
 */
@Component
@Profile("demo")
public class DemoAccounts implements Accounts {

  /** A demo user and the groups it belongs to. */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {

    public String email() {
      return id + "@demo.local";
    }
  }

  public static final List<DemoUser> USERS = users();

  private final String password;

  public DemoAccounts(@Value("${procurement.demo.password}") String password) {
    this.password = password;
  }

  @Override
  public void create(IdentityService identity) {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(password);
        identity.saveUser(user);
      }
      for (String groupId : demo.groups()) {
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(demo.id(), groupId);
        }
      }
    }
  }

  private static List<DemoUser> users() {
    List<DemoUser> users = new ArrayList<>(List.of(
        new DemoUser("minzheng", "王", "敏", List.of(PURCHASER, DEPT_CIVIL_AFFAIRS)),
        new DemoUser("minzheng2", "李", "静", List.of(PURCHASER, DEPT_CIVIL_AFFAIRS)),
        new DemoUser("weijian", "陈", "卫", List.of(PURCHASER, DEPT_HEALTH)),
        new DemoUser("jiaoyu", "孙", "丽", List.of(PURCHASER, DEPT_EDUCATION)),
        new DemoUser("renshe", "周", "强", List.of(PURCHASER, DEPT_HUMAN_RESOURCES)),
        new DemoUser("caizheng", "赵", "明", List.of(FINANCE))));
    String[][] experts = {
        {"周", "建国"}, {"吴", "晓梅"}, {"郑", "志强"}, {"孙", "丽华"}, {"钱", "永刚"}, {"冯", "海燕"},
        {"朱", "文斌"}, {"胡", "秀英"}, {"林", "国平"}, {"何", "雪松"}, {"高", "春兰"}};
    for (int i = 0; i < experts.length; i++) {
      users.add(new DemoUser(String.format("expert%02d", i + 1), experts[i][0], experts[i][1], List.of(EXPERT)));
    }
    users.addAll(List.of(
        new DemoUser("org-yangguang", "南通阳光养老服务中心", "", List.of(SOCIAL_ORGANISATION)),
        new DemoUser("org-xinyu", "南通心语社会工作服务社", "", List.of(SOCIAL_ORGANISATION)),
        new DemoUser("org-huimin", "南通惠民社区服务中心", "", List.of(SOCIAL_ORGANISATION)),
        new DemoUser("org-qingchun", "南通青春志愿服务协会", "", List.of(SOCIAL_ORGANISATION)),
        new DemoUser("org-anle", "南通安乐居家养老服务社", "", List.of(SOCIAL_ORGANISATION)),
        new DemoUser("pingjia", "南通明鉴公共服务评估中心", "", List.of(EVALUATOR)),
        new DemoUser("jiandu", "刘", "正", List.of(SUPERVISOR)),
        new DemoUser("sheji", "徐", "设", List.of(DESIGNER)),
        new DemoUser("admin", "系统", "管理员", List.of(ADMIN))));
    return List.copyOf(users);
  }
}
