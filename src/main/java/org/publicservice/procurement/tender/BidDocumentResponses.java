package org.publicservice.procurement.tender;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A bid's file as a download: always as an attachment with its own name, its checked media type, never sniffed or
 * cached, so that a file can neither run in the platform's pages nor stay behind in a shared cache.
 */
public final class BidDocumentResponses {

  private BidDocumentResponses() {
  }

  public static ResponseEntity<byte[]> download(BidAttachments.OpenedFile file) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(BidFileType.ofMediaType(file.info().mediaType()).map(t -> MediaType.parseMediaType(
        t.mediaType())).orElse(MediaType.APPLICATION_OCTET_STREAM));
    headers.setContentDisposition(ContentDisposition.attachment()
        .filename(file.info().name(), StandardCharsets.UTF_8).build());
    headers.setCacheControl("no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "sandbox");
    return ResponseEntity.ok().headers(headers).body(file.content());
  }
}
