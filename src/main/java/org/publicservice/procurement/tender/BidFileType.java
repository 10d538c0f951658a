package org.publicservice.procurement.tender;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a bid may carry, recognised by their content, not by their name: a file whose bytes are not
 * what its extension claims is refused. PDF and OFD (the Chinese fixed-layout format of e-certificates and
 * e-invoices, GB/T 33190), JPEG and PNG images, and Office files: the OOXML formats (docx, xlsx, pptx: a ZIP whose
 * central directory lists their parts; read without inflating anything) and the older OLE2 compound files (doc,
 * xls, ppt, only with their extension, since their header does not say which).
 */
enum BidFileType {

  PDF("application/pdf", "PDF", "pdf"),
  OFD("application/ofd", "OFD", "ofd"),
  JPEG("image/jpeg", "JPG图片", "jpg", "jpeg"),
  PNG("image/png", "PNG图片", "png"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", "docx"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", "xlsx"),
  PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", "pptx"),
  DOC("application/msword", "Word", "doc"),
  XLS("application/vnd.ms-excel", "Excel", "xls"),
  PPT("application/vnd.ms-powerpoint", "PowerPoint", "ppt");

  static final String ACCEPTED = "PDF、OFD、图片（JPG、PNG）或Office文件（Word、Excel、PowerPoint）";

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
      0x1A, (byte) 0xE1};

  private final String mediaType;
  private final String label;
  private final List<String> extensions;

  BidFileType(String mediaType, String label, String... extensions) {
    this.mediaType = mediaType;
    this.label = label;
    this.extensions = List.of(extensions);
  }

  String mediaType() {
    return mediaType;
  }

  String label() {
    return label;
  }

  boolean hasExtension(String extension) {
    return extensions.contains(extension);
  }

  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static Optional<BidFileType> ofMediaType(String mediaType) {
    for (BidFileType type : values()) {
      if (type.mediaType.equals(mediaType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** What the bytes are, whatever the name says; empty when they are none of the accepted kinds. */
  static Optional<BidFileType> detect(byte[] bytes, String extension) {
    if (startsWith(bytes, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(bytes, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, OLE2_MAGIC)) {
      return switch (extension) {
        case "doc" -> Optional.of(DOC);
        case "xls" -> Optional.of(XLS);
        case "ppt" -> Optional.of(PPT);
        default -> Optional.empty();
      };
    }
    if (startsWith(bytes, ZIP_MAGIC)) {
      Set<String> names = zipEntryNames(bytes);
      if (names.contains("OFD.xml")) {
        return Optional.of(OFD);
      }
      if (names.contains("[Content_Types].xml")) {
        if (names.contains("word/document.xml")) {
          return Optional.of(DOCX);
        }
        if (names.contains("xl/workbook.xml")) {
          return Optional.of(XLSX);
        }
        if (names.contains("ppt/presentation.xml")) {
          return Optional.of(PPTX);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The entry names of a ZIP's central directory (APPNOTE 4.3.12, 4.3.16), read without inflating any entry, so a
   * compressed bomb costs nothing; empty when the directory is not where its end record says.
   */
  static Set<String> zipEntryNames(byte[] zip) {
    Set<String> names = new HashSet<>();
    int end = -1;
    for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return names;
    }
    int entries = u16(zip, end + 10);
    long offset = u32(zip, end + 16);
    int at = (int) Math.min(offset, Integer.MAX_VALUE);
    for (int n = 0; n < entries && at >= 0 && at + 46 <= zip.length; n++) {
      if (!(zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 1 && zip[at + 3] == 2)) {
        break;
      }
      int nameLength = u16(zip, at + 28);
      int extraLength = u16(zip, at + 30);
      int commentLength = u16(zip, at + 32);
      if (at + 46 + nameLength > zip.length) {
        break;
      }
      names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
  }
}
