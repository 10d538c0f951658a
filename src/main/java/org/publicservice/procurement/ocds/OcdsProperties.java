package org.publicservice.procurement.ocds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the OCDS open data ({@code procurement.ocds.*}).
 *
 * @param ocidPrefix prefix of every Open Contracting ID; the project number follows it. The default
 *     {@code ocds-nt0000-} is a placeholder: a publisher registers its own prefix with the Open Contracting
 *     Partnership (https://standard.open-contracting.org/1.1/en/schema/identifiers/) before publishing for real
 * @param publisherName the organisation named as the publisher of every package
 * @param publisherUri its web address, if any
 * @param license the licence of the data as a URL, if one is declared
 * @param feedPageSize releases per page of the feed {@code /ocds/releases}
 */
@ConfigurationProperties("procurement.ocds")
public record OcdsProperties(
    @DefaultValue("ocds-nt0000-") String ocidPrefix,
    @DefaultValue("政府购买公共服务平台") String publisherName,
    String publisherUri,
    String license,
    @DefaultValue("100") int feedPageSize) {

  public String ocid(String projectNumber) {
    return ocidPrefix + projectNumber;
  }
}
