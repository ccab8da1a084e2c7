package vn.vongtay.outreach;

/** A file a user attaches to an activity: material handed out, a photo, the minutes. */
public record Upload(String fileName, String contentType, byte[] content) {
}
