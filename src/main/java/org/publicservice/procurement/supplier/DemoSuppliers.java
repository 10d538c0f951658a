package org.publicservice.procurement.supplier;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.publicservice.procurement.identity.Accounts;
import org.publicservice.procurement.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's registered suppliers (profile {@code demo} only): one of every type, all confirmed and bidder-capable,
 * with well-formed identifiers (invented, valid check characters). The five social organisations of
 * {@link org.publicservice.procurement.identity.DemoAccounts} get their register rows here; the other suppliers get
 * their login too, with the demo password, as if they had registered on the portal.
 */
@Component
@Profile("demo")
public class DemoSuppliers implements Accounts {

  /** A demo supplier; {@code ownLogin} when this class creates its engine user (the others are DemoAccounts'). */
  public record DemoSupplier(String userId, String name, SupplierType type, String identifier, EnterpriseSize size,
      String contactPerson, boolean ownLogin) {
  }

  public static final List<DemoSupplier> SUPPLIERS = List.of(
      new DemoSupplier("org-yangguang", "南通阳光养老服务中心", SupplierType.SOCIAL_ORGANISATION, "52320602MJ5612345R",
          null, "陆阳", false),
      new DemoSupplier("org-xinyu", "南通心语社会工作服务社", SupplierType.SOCIAL_ORGANISATION, "52320602MJ5612346W",
          null, "沈心", false),
      new DemoSupplier("org-huimin", "南通惠民社区服务中心", SupplierType.SOCIAL_ORGANISATION, "52320602MJ56123470",
          null, "顾民", false),
      new DemoSupplier("org-qingchun", "南通青春志愿服务协会", SupplierType.SOCIAL_ORGANISATION, "51320602MJ56123486",
          null, "季青", false),
      new DemoSupplier("org-anle", "南通安乐居家养老服务社", SupplierType.SOCIAL_ORGANISATION, "52320602MJ56123496",
          null, "包安", false),
      new DemoSupplier("sup-kangning", "南通康宁健康管理有限公司", SupplierType.ENTERPRISE, "91320602MA1KANG01G",
          EnterpriseSize.SMALL, "曹宁", true),
      new DemoSupplier("sup-huaxia", "江苏华夏物业服务集团有限公司", SupplierType.ENTERPRISE, "91320000MA1HUAX104",
          EnterpriseSize.LARGE, "华夏", true),
      new DemoSupplier("sup-nuanxin", "南通市崇川区暖心家政服务部", SupplierType.ENTERPRISE, "92320602MA1NUANX0Y",
          EnterpriseSize.MICRO, "严暖", true),
      new DemoSupplier("sup-fuliyuan", "南通市社会福利院", SupplierType.INSTITUTION, "123206004660001234", null,
          "管福", true),
      new DemoSupplier("sup-tongda", "江苏通达律师事务所", SupplierType.OTHER_ORGANISATION, "31320000MD0123456M", null,
          "邵达", true),
      new DemoSupplier("sup-zhanglan", "张岚", SupplierType.NATURAL_PERSON, "320602198805120023", null, "张岚", true));

  private static final OffsetDateTime REGISTERED = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8));

  private final Suppliers suppliers;
  private final String password;

  public DemoSuppliers(Suppliers suppliers, @Value("${procurement.demo.password}") String password) {
    this.suppliers = suppliers;
    this.password = password;
  }

  @Override
  public void create(IdentityService identity) {
    for (DemoSupplier demo : SUPPLIERS) {
      if (demo.ownLogin() && identity.createUserQuery().userId(demo.userId()).count() == 0) {
        User user = identity.newUser(demo.userId());
        user.setFirstName(demo.name());
        user.setLastName("");
        user.setEmail(demo.userId() + "@demo.local");
        user.setPassword(password);
        identity.saveUser(user);
      }
      if (demo.ownLogin()
          && identity.createUserQuery().userId(demo.userId()).memberOfGroup(Groups.SOCIAL_ORGANISATION).count() == 0) {
        identity.createMembership(demo.userId(), Groups.SOCIAL_ORGANISATION);
      }
      if (suppliers.find(demo.userId()).isEmpty()) {
        suppliers.insert(new Suppliers.Supplier(demo.userId(), demo.name(), demo.type(), demo.identifier(),
            demo.size(), demo.contactPerson(), "0513-8500" + String.format("%04d", SUPPLIERS.indexOf(demo)),
            demo.userId() + "@demo.local", Suppliers.CONFIRMED, REGISTERED, REGISTERED), null, null, null);
      }
    }
  }
}
