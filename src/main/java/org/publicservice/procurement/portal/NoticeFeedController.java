package org.publicservice.procurement.portal;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An Atom feed per service category (RFC 4287) of the notices that call for bids or change a call: tender and
 * consultation notices, single-source notices, and their clarifications and amendments. Only published notices,
 * as the notice pages show them to anyone; a supplier's feed reader polls it instead of the supplier polling the
 * portal. The category is the purchase plan's, as on the project page.
 */
@Controller
@PortalPage
class NoticeFeedController {

  static final int ENTRIES = 50;
  static final List<NoticeType> CALLS =
      List.of(NoticeType.TENDER_NOTICE, NoticeType.SINGLE_SOURCE_NOTICE, NoticeType.CLARIFICATION);
  static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
  private static final String NS = "http://www.w3.org/2005/Atom";

  private final JdbcClient jdbc;
  private final PublicLinks links;

  NoticeFeedController(JdbcClient jdbc, PublicLinks links) {
    this.jdbc = jdbc;
    this.links = links;
  }

  record Entry(long id, String type, String title, String content, String publisher, OffsetDateTime publishedAt,
      String projectNumber) {
  }

  @GetMapping("/portal/feeds/{category}.atom")
  ResponseEntity<String> feed(@PathVariable String category) throws XMLStreamException {
    ServiceCategory service = Arrays.stream(ServiceCategory.values())
        .filter(c -> c.name().equalsIgnoreCase(category)).findFirst()
        .orElseThrow(() -> PortalRequestException.notFound("没有这个服务类别的订阅。"));
    List<Entry> entries = jdbc.sql("""
            SELECT n.id, n.notice_type, n.title, n.content, n.publisher, n.published_at, n.project_number
            FROM disclosure_notice n JOIN purchase_plan p ON p.project_number = n.project_number
            WHERE p.service_category = :category AND n.notice_type IN (:types)
            ORDER BY n.published_at DESC, n.id DESC FETCH FIRST %d ROWS ONLY""".formatted(ENTRIES))
        .param("category", service.name()).param("types", CALLS.stream().map(Enum::name).toList())
        .query((rs, row) -> new Entry(rs.getLong("id"), NoticeType.valueOf(rs.getString("notice_type")).label(),
            rs.getString("title"), rs.getString("content"), rs.getString("publisher"),
            rs.getObject("published_at", OffsetDateTime.class), rs.getString("project_number")))
        .list();
    return ResponseEntity.ok().contentType(ATOM).body(atom(service, entries));
  }

  private String atom(ServiceCategory service, List<Entry> entries) throws XMLStreamException {
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
    String self = links.page("/portal/feeds/" + service.name() + ".atom");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace(NS);
    xml.writeAttribute("xml:lang", "zh-CN");
    element(xml, "id", self);
    element(xml, "title", "政府购买公共服务 · " + service.label() + " · 招标、单一来源及澄清公告");
    element(xml, "updated", time(entries.isEmpty() ? null : entries.get(0).publishedAt()));
    link(xml, "self", self, "application/atom+xml");
    link(xml, "alternate", links.page("/portal/notices"), "text/html");
    xml.writeStartElement("author");
    element(xml, "name", "政府购买公共服务信息公开");
    xml.writeEndElement();
    for (Entry entry : entries) {
      xml.writeStartElement("entry");
      element(xml, "id", links.notice(entry.id()));
      element(xml, "title", "【" + entry.type() + "】" + entry.title());
      element(xml, "updated", time(entry.publishedAt()));
      element(xml, "published", time(entry.publishedAt()));
      link(xml, "alternate", links.notice(entry.id()), "text/html");
      link(xml, "related", links.project(entry.projectNumber()), "text/html");
      xml.writeStartElement("author");
      element(xml, "name", entry.publisher());
      xml.writeEndElement();
      xml.writeStartElement("category");
      xml.writeAttribute("term", service.name());
      xml.writeAttribute("label", service.label());
      xml.writeEndElement();
      xml.writeStartElement("content");
      xml.writeAttribute("type", "text");
      xml.writeCharacters(entry.content());
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return out.toString();
  }

  private static String time(OffsetDateTime time) {
    OffsetDateTime at = time == null ? ProcurementTime.now() : time;
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZoneSameInstant(ProcurementTime.ZONE)
        .toOffsetDateTime().withNano(0));
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text == null ? "" : text);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeStartElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
    xml.writeAttribute("type", type);
    xml.writeEndElement();
  }
}
