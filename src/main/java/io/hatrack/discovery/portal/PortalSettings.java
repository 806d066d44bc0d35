package io.hatrack.discovery.portal;

/**
 * A product's portal: whether it is on, whether new ideas and comments wait for a member's approval
 * before visitors see them, and the words that open the idea list.
 */
public record PortalSettings(
    long productId, boolean enabled, boolean approveFirst, String intro, long version) {
  /**
   * A product that never set up its portal: off, and ideas shown at once once it is on. These
   * defaults are the first version of the settings, so that a change names version 1.
   */
  public static PortalSettings off(long productId) {
    return new PortalSettings(productId, false, false, "", 1);
  }

  /** The visibility of something a visitor posts now. */
  public Visibility newVisibility() {
    return approveFirst ? Visibility.PENDING : Visibility.APPROVED;
  }
}
