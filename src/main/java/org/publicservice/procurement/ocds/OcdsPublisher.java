package org.publicservice.procurement.ocds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.PublicPlans;
import org.publicservice.procurement.disclosure.PublicPlans.PublicPlan;
import org.publicservice.procurement.tender.TenderTerms;
import org.springframework.stereotype.Service;

/** Release and record packages of the disclosed data (OCDS 1.1). */
@Service
public class OcdsPublisher {

  static final String VERSION = "1.1";

  private final DisclosureRegister register;
  private final PublicPlans plans;
  private final ReleaseMapper mapper;
  private final OcdsProperties properties;
  private final ObjectMapper json;
  private final TenderTerms tenderTerms;

  public OcdsPublisher(DisclosureRegister register, PublicPlans plans, ReleaseMapper mapper,
      OcdsProperties properties, ObjectMapper json, TenderTerms tenderTerms) {
    this.tenderTerms = tenderTerms;
    this.register = register;
    this.plans = plans;
    this.mapper = mapper;
    this.properties = properties;
    this.json = json;
  }

  /** Every release of a project, oldest first, in a release package; empty if the project published nothing. */
  public Optional<ObjectNode> projectReleases(String projectNumber) {
    List<ObjectNode> releases = releasesOf(projectNumber);
    if (releases.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(releasePackage(releasePackageUri(projectNumber), releases));
  }

  /** One page of every release, in publication order; empty beyond the last page. */
  public Optional<ObjectNode> feed(int page) {
    List<DisclosureNotice> notices = register.inOrderOfPublication((page - 1) * properties.feedPageSize(),
        properties.feedPageSize());
    if (notices.isEmpty()) {
      return Optional.empty();
    }
    Map<String, PublicPlan> planOf = plans.findAll(notices.stream().map(DisclosureNotice::projectNumber)
        .collect(Collectors.toSet())).stream().collect(Collectors.toMap(PublicPlan::projectNumber,
            Function.identity()));
    Map<Long, TenderTerms.Terms> termsOf = tenderTerms.ofNotices(notices.stream().map(DisclosureNotice::id).toList());
    List<ObjectNode> releases = notices.stream()
        .map(notice -> mapper.release(notice, planOf.get(notice.projectNumber()), termsOf.get(notice.id()))).toList();
    return Optional.of(releasePackage(mapper.url(feedPath(page)), releases));
  }

  public int feedPages() {
    return (int) ((register.countAll() + properties.feedPageSize() - 1) / properties.feedPageSize());
  }

  public static String feedPath(int page) {
    return page == 1 ? "/ocds/releases" : "/ocds/releases?page=" + page;
  }

  /** The project's record: its releases (linked into its release package) and the compiled release. */
  public Optional<ObjectNode> record(String projectNumber) {
    List<ObjectNode> releases = releasesOf(projectNumber);
    if (releases.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode recordPackage = packageHeader(mapper.url("/ocds/records/" + projectNumber), releases);
    String releasePackageUri = releasePackageUri(projectNumber);
    recordPackage.putArray("packages").add(releasePackageUri);
    ObjectNode record = recordPackage.putArray("records").addObject();
    record.put("ocid", properties.ocid(projectNumber));
    ArrayNode linked = record.putArray("releases");
    for (ObjectNode release : releases) {
      ObjectNode link = linked.addObject();
      link.put("url", releasePackageUri + "#" + release.get("id").asText());
      link.put("date", release.get("date").asText());
      link.set("tag", release.get("tag").deepCopy());
    }
    record.set("compiledRelease", CompiledRelease.of(releases));
    return Optional.of(recordPackage);
  }

  private List<ObjectNode> releasesOf(String projectNumber) {
    PublicPlan plan = plans.find(projectNumber).orElse(null);
    List<DisclosureNotice> notices = register.findByProject(projectNumber);
    Map<Long, TenderTerms.Terms> termsOf = tenderTerms.ofNotices(notices.stream().map(DisclosureNotice::id).toList());
    return notices.stream().map(notice -> mapper.release(notice, plan, termsOf.get(notice.id()))).toList();
  }

  private String releasePackageUri(String projectNumber) {
    return mapper.url("/ocds/releases/" + projectNumber);
  }

  private ObjectNode releasePackage(String uri, List<ObjectNode> releases) {
    ObjectNode releasePackage = packageHeader(uri, releases);
    releasePackage.putArray("releases").addAll(releases);
    return releasePackage;
  }

  /**
   * The package's fields; its publication date is that of its newest release, so the same data gives the same
   * package.
   */
  private ObjectNode packageHeader(String uri, Collection<ObjectNode> releases) {
    ObjectNode header = json.createObjectNode();
    header.put("uri", uri);
    header.put("version", VERSION);
    ReleaseMapper.EXTENSIONS.forEach(header.putArray("extensions")::add);
    header.put("publishedDate", releases.stream().map(r -> r.get("date").asText())
        .max(java.util.Comparator.comparing(d -> java.time.OffsetDateTime.parse(d).toInstant())).orElseThrow());
    ObjectNode publisher = header.putObject("publisher");
    publisher.put("name", properties.publisherName());
    if (properties.publisherUri() != null) {
      publisher.put("uri", properties.publisherUri());
    }
    if (properties.license() != null) {
      header.put("license", properties.license());
    }
    return header;
  }
}
