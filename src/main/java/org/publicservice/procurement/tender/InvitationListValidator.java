package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.planning.PlanningVariables.DEPARTMENT_GROUP;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.credit.CreditEffect;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The department's qualified list for an invited tender (邀请招标, 政府采购法第三十四条; 87号令第十四条): from the supplier
 * database (the platform's register of suppliers of every type, less those a credit record bars) or by written
 * recommendation with reasons; at least 3 suppliers to invite and a list at least twice as long (第十四条第三款); two of
 * its staff supervise the draw (第十四条第四款). Refused in Chinese when a rule is broken; on creation the task offers
 * the department's staff as supervisors.
 */
@Component
public class InvitationListValidator implements TaskListener {

  static final int MIN_INVITED = 3;
  static final int MAX_INVITED = 20;

  private final CreditRegister credit;

  public InvitationListValidator(CreditRegister credit) {
    this.credit = credit;
  }

  @Override
  public void notify(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    String department = (String) task.getVariable(DEPARTMENT_GROUP);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariable(INVITATION_SUPERVISOR_OPTIONS, SpinValues.jsonValue(JsonValues.toJson(
          staff(identity, department).stream().map(u -> Map.of("label", OrganisationNames.displayName(u) + "（" + u.getId()
              + "）", "value", u.getId())).toList())).create());
      return;
    }
    FormRules form = FormRules.of(task);
    String source = form.requiredChoice(INVITATION_LIST_SOURCE, "供应商名单来源", List.of(SUPPLIER_DATABASE,
        WRITTEN_RECOMMENDATION));
    long count = form.requiredWholeNumber(INVITATION_COUNT, "拟邀请的供应商家数");
    if (count < MIN_INVITED || count > MAX_INVITED) {
      throw reject(INVITATION_COUNT, "邀请招标应随机抽取" + MIN_INVITED + "家以上供应商（政府采购法第三十四条），最多"
          + MAX_INVITED + "家。");
    }
    List<String> pool = SUPPLIER_DATABASE.equals(source) ? database(identity)
        : recommended(form, identity);
    if (pool.size() < 2 * count) {
      throw reject(INVITATION_COUNT, "符合资格条件的供应商名单只有" + pool.size() + "家，不得少于拟抽取家数的两倍（"
          + 2 * count + "家，政府采购货物和服务招标投标管理办法第十四条第三款）。");
    }
    String first = form.requiredChoice(INVITATION_SUPERVISOR_1, "监督抽取的工作人员", ids(staff(identity, department)));
    String second = form.requiredChoice(INVITATION_SUPERVISOR_2, "第二名监督抽取的工作人员",
        ids(staff(identity, department)));
    if (first.equals(second)) {
      throw reject(INVITATION_SUPERVISOR_2, "随机抽取应有不少于两名采购人工作人员在场监督（第十四条第四款），请选择另一名工作人员。");
    }
    task.setVariable(INVITATION_POOL, SpinValues.jsonValue(JsonValues.toJson(pool)).create());
    var caller = identity.getCurrentAuthentication();
    task.setVariable(INVITATION_DRAWN_BY, task.getAssignee() != null ? task.getAssignee()
        : caller != null && caller.getUserId() != null ? caller.getUserId() : first);
  }

  /** Every registered supplier that no credit record bars today, by account. */
  private List<String> database(IdentityService identity) {
    OffsetDateTime now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
        .atZone(ProcurementTime.ZONE).toOffsetDateTime();
    return SystemAccess.run(() -> identity.createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .orderByUserId().asc().list()).stream().map(User::getId)
        .filter(id -> credit.recordsInForceAt(id, now).stream().noneMatch(r -> r.effect() == CreditEffect.EXCLUDE))
        .sorted().toList();
  }

  /** The recommended suppliers, one name or account a line, each a registered supplier. */
  private static List<String> recommended(FormRules form, IdentityService identity) {
    String text = form.requiredLongText(INVITATION_RECOMMENDED, "推荐的供应商名单", 8000);
    form.requiredText(INVITATION_REASONS, "推荐理由", 4000);
    List<User> organisations = SystemAccess.run(() -> identity.createUserQuery()
        .memberOfGroup(Groups.SOCIAL_ORGANISATION).list());
    Set<String> pool = new LinkedHashSet<>();
    int line = 0;
    for (String raw : text.split("\\R")) {
      line++;
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int at = line;
      String id = organisations.stream().filter(u -> u.getId().equals(entry)
          || OrganisationNames.displayName(u).equals(entry)).map(User::getId).findFirst()
          .orElseThrow(() -> reject(INVITATION_RECOMMENDED, "推荐名单第" + at + "行“" + entry
              + "”不是平台注册的供应商，请填写供应商全称或账号。"));
      if (!pool.add(id)) {
        throw reject(INVITATION_RECOMMENDED, "推荐名单中“" + entry + "”重复。");
      }
    }
    return new ArrayList<>(pool).stream().sorted().toList();
  }

  private static List<User> staff(IdentityService identity, String department) {
    return SystemAccess.run(() -> identity.createUserQuery().memberOfGroup(department).orderByUserId().asc().list());
  }

  private static List<String> ids(List<User> users) {
    return users.stream().map(User::getId).toList();
  }
}
