package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of bids (table {@code bid_attachment}): qualification documents, the service plan and certificates, as
 * PDF, OFD, images or Office files checked by their content ({@link BidFileType}), at most {@value #MAX_FILE_MB} MB
 * each, {@value #MAX_FILES} files and {@value #MAX_TOTAL_MB} MB a bid. Each file is sealed exactly like the bid's
 * text ({@link BidSealing}): nobody reads it before the opening. The bid box stores and destroys files together with
 * their bid, in its transactions; after the opening the qualification reviewers and the panel read them through
 * {@link #openedFile}, the bidder its own through {@link BidBox#ownFile}.
 */
@Component
public class BidAttachments {

  public static final int MAX_FILE_MB = 10;
  public static final int MAX_FILES = 20;
  public static final int MAX_TOTAL_MB = 50;
  static final long MB = 1024L * 1024L;
  public static final long MB_BYTES = MB;
  static final int MAX_NAME = 200;
  static final String ACTIVE = "ACTIVE";
  static final String DESTROYED = "DESTROYED";
  /** The kinds of file a bid has, with the names the bid form and the reviewers' list give them. */
  public static final Map<String, String> KINDS = kinds();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A file as the bidder uploads it. */
  public record NewFile(String kind, String fileName, byte[] content) {
  }

  /** What is known of a stored file once its name is unsealed (never before the opening, but for its bidder). */
  public record FileInfo(String id, String kind, String kindLabel, String name, String mediaType, long size) {

    public String sizeText() {
      return size >= MB ? String.format("%.1f MB", size / (double) MB) : Math.max(1, (size + 1023) / 1024) + " KB";
    }
  }

  /** A file with its content, unsealed. */
  public record OpenedFile(FileInfo info, byte[] content) {
  }

  /** The files of one opened bid, for the reviewers' list. */
  public record BidFiles(String bidId, String bidderName, List<FileInfo> files) {
  }

  record CheckedFile(String kind, String name, BidFileType type, byte[] content) {
  }

  private final JdbcClient jdbc;
  private final BidSealing sealing;

  BidAttachments(JdbcClient jdbc, BidSealing sealing) {
    this.jdbc = jdbc;
    this.sealing = sealing;
  }

  /**
   * Checks new files against the limits, together with the files kept from the bid they replace; refuses with the
   * file's name and the reason, before anything is written.
   */
  static List<CheckedFile> check(Collection<NewFile> files, List<FileInfo> kept) {
    List<CheckedFile> checked = new ArrayList<>();
    long total = kept.stream().mapToLong(FileInfo::size).sum();
    for (NewFile file : files) {
      if (file.content() == null || file.content().length == 0) {
        continue;
      }
      String name = cleanName(file.fileName());
      if (!KINDS.containsKey(file.kind())) {
        throw reject("files", "文件“" + name + "”的类别不正确。");
      }
      if (file.content().length > MAX_FILE_MB * MB) {
        throw reject("files", "文件“" + name + "”超过" + MAX_FILE_MB + "MB，不能上传。请压缩或拆分后再上传。");
      }
      String extension = BidFileType.extensionOf(name);
      BidFileType type = BidFileType.detect(file.content(), extension).orElseThrow(() -> reject("files",
          "文件“" + name + "”的内容不是" + BidFileType.ACCEPTED + "，不能上传。"));
      if (!type.hasExtension(extension)) {
        throw reject("files", "文件“" + name + "”的扩展名与内容不符（内容为" + type.label() + "文件），请上传原始文件。");
      }
      total += file.content().length;
      checked.add(new CheckedFile(file.kind(), name, type, file.content()));
    }
    if (kept.size() + checked.size() > MAX_FILES) {
      throw reject("files", "每份投标最多附" + MAX_FILES + "个文件（现为" + (kept.size() + checked.size()) + "个）。");
    }
    if (total > MAX_TOTAL_MB * MB) {
      throw reject("files", "投标附件合计不能超过" + MAX_TOTAL_MB + "MB。");
    }
    return checked;
  }

  /** Seals and stores the files of a bid. */
  void store(String bidId, String projectNumber, int round, String bidder, List<CheckedFile> files,
      OffsetDateTime now) {
    for (CheckedFile file : files) {
      String id = UUID.randomUUID().toString();
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("name", file.name());
      meta.put("mediaType", file.type().mediaType());
      BidSealing.SealedFile sealed = sealing.sealFile(identity(id, projectNumber, round, bidder),
          JSON.valueToTree(meta).toString(), file.content());
      jdbc.sql("""
              INSERT INTO bid_attachment (id, bid_id, project_number, round_no, bidder, kind, size_bytes, uploaded_at,
                  attachment_status, wrapped_key, sealed_meta, sealed_content)
              VALUES (:id, :bid, :project, :round, :bidder, :kind, :size, :at, :active, :key, :meta, :content)""")
          .param("id", id).param("bid", bidId).param("project", projectNumber).param("round", round)
          .param("bidder", bidder).param("kind", file.kind()).param("size", (long) file.content().length)
          .param("at", now).param("active", ACTIVE).param("key", sealed.wrappedKey()).param("meta", sealed.meta())
          .param("content", sealed.content())
          .update();
    }
  }

  /** Moves the files the bidder keeps from its replaced bid to the new one (their seal names no bid). */
  void keep(String oldBidId, String newBidId, Collection<String> fileIds) {
    for (String fileId : fileIds) {
      jdbc.sql("UPDATE bid_attachment SET bid_id = :new WHERE id = :id AND bid_id = :old AND attachment_status = :active")
          .param("new", newBidId).param("id", fileId).param("old", oldBidId).param("active", ACTIVE).update();
    }
  }

  /** Destroys the files still attached to a bid that ends unread (superseded, withdrawn, returned). */
  void destroyOf(String bidId) {
    jdbc.sql("""
            UPDATE bid_attachment SET attachment_status = :destroyed, wrapped_key = NULL, sealed_meta = NULL,
                                      sealed_content = NULL
            WHERE bid_id = :bid AND attachment_status = :active""")
        .param("destroyed", DESTROYED).param("bid", bidId).param("active", ACTIVE).update();
  }

  /** The files of a bid with their names unsealed: for the bidder itself or after the opening. */
  List<FileInfo> filesOf(String bidId) {
    return jdbc.sql("""
            SELECT id, project_number, round_no, bidder, kind, size_bytes, wrapped_key, sealed_meta FROM bid_attachment
            WHERE bid_id = :bid AND attachment_status = :active
            ORDER BY CASE kind WHEN 'QUALIFICATION' THEN 1 WHEN 'SERVICE_PLAN' THEN 2 ELSE 3 END, uploaded_at, id""")
        .param("bid", bidId).param("active", ACTIVE)
        .query((rs, row) -> info(rs.getString("id"), rs.getString("project_number"), rs.getInt("round_no"),
            rs.getString("bidder"), rs.getString("kind"), rs.getLong("size_bytes"), rs.getString("wrapped_key"),
            rs.getString("sealed_meta")))
        .list();
  }

  /** One file of a bid, unsealed; empty when the bid has no such file. */
  Optional<OpenedFile> fileOf(String bidId, String fileId) {
    return jdbc.sql("SELECT * FROM bid_attachment WHERE id = :id AND bid_id = :bid AND attachment_status = :active")
        .param("id", fileId).param("bid", bidId).param("active", ACTIVE)
        .query((rs, row) -> {
          String identity = identity(rs.getString("id"), rs.getString("project_number"), rs.getInt("round_no"),
              rs.getString("bidder"));
          FileInfo info = info(rs.getString("id"), rs.getString("project_number"), rs.getInt("round_no"),
              rs.getString("bidder"), rs.getString("kind"), rs.getLong("size_bytes"), rs.getString("wrapped_key"),
              rs.getString("sealed_meta"));
          return new OpenedFile(info, sealing.unsealFileContent(identity, rs.getString("wrapped_key"),
              rs.getBytes("sealed_content")));
        })
        .optional();
  }

  /** The bid a file belongs to, and whether its round was opened. */
  record FileOwner(String bidId, String projectNumber, int round, String bidder, String callStatus) {
  }

  Optional<FileOwner> ownerOf(String fileId) {
    return jdbc.sql("""
            SELECT a.bid_id, a.project_number, a.round_no, a.bidder, c.call_status FROM bid_attachment a
              JOIN tender_call c ON c.project_number = a.project_number AND c.round_no = a.round_no
            WHERE a.id = :id AND a.attachment_status = :active""")
        .param("id", fileId).param("active", ACTIVE)
        .query((rs, row) -> new FileOwner(rs.getString("bid_id"), rs.getString("project_number"),
            rs.getInt("round_no"), rs.getString("bidder"), rs.getString("call_status")))
        .optional();
  }

  private FileInfo info(String id, String projectNumber, int round, String bidder, String kind, long size,
      String wrappedKey, String sealedMeta) {
    try {
      JsonNode meta = JSON.readTree(sealing.unsealFileMeta(identity(id, projectNumber, round, bidder), wrappedKey,
          sealedMeta));
      return new FileInfo(id, kind, KINDS.getOrDefault(kind, kind), meta.get("name").asText(),
          meta.get("mediaType").asText(), size);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("An unsealed file's description is not readable", e);
    }
  }

  /** The file's name as shown and sent back: no path, no control characters, at most {@value #MAX_NAME} characters. */
  static String cleanName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
    if (name.isEmpty()) {
      name = "未命名文件";
    }
    if (name.length() > MAX_NAME) {
      String extension = BidFileType.extensionOf(name);
      name = name.substring(0, MAX_NAME - extension.length() - 1) + "." + extension;
    }
    return name;
  }

  private static String identity(String fileId, String projectNumber, int round, String bidder) {
    return "file|" + fileId + "|" + projectNumber + "|" + round + "|" + bidder;
  }

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("QUALIFICATION", "资格证明文件");
    kinds.put("SERVICE_PLAN", "服务方案");
    kinds.put("CERTIFICATE", "证书及其他材料");
    return java.util.Collections.unmodifiableMap(kinds);
  }
}
