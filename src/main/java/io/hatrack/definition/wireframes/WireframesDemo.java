package io.hatrack.definition.wireframes;

import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The demo's wireframes: Chloe's checkout screen for one-click saved cards (two versions, linked to
 * the feature) and the wallet screen where shoppers manage their cards, plus a flow sketch attached
 * to the feature as a PNG.
 */
public final class WireframesDemo implements DemoSeed {
  /** The title of the demo's main wireframe. */
  public static final String CHECKOUT_TITLE = "Checkout \u2013 saved cards";

  /** The title of the demo's second wireframe. */
  public static final String WALLET_TITLE = "Wallet \u2013 manage cards";

  private static final String FEATURE = "One-click saved cards";

  private final WireframeService wireframes;
  private final AttachmentService attachments;
  private final ItemService items;
  private final Collaboration collaboration;

  public WireframesDemo(
      WireframeService wireframes,
      AttachmentService attachments,
      ItemService items,
      Collaboration collaboration) {
    this.wireframes = wireframes;
    this.attachments = attachments;
    this.items = items;
    this.collaboration = collaboration;
  }

  /** The first version: the saved cards and the pay button, before the review. */
  static final String CHECKOUT_V1 =
      """
      @startsalt
      {+
        {* Northwind Shop | Cart | <b>Checkout | Account }
        ==
        <b>Order total: €157.95
        --
        {^"Pay with a saved card"
          (X) Visa ending 4242 | expires 08/27
          () Mastercard ending 5454 | expires 01/26
          () Use a new card | .
        }
        {^"New card"
          Card number | "                       "
          Expiry      | "MM/YY"
          CVC         | "   "
        }
        [] Save this card
        --
        { [Back to cart] | [ Pay €157.95 ] }
      }
      @endsalt
      """;

  /**
   * The second version, after Ben's and Femi's review: summary, consent text, default card. About
   * 40 widgets (menu entries, labels, fields, radios, check boxes, buttons, boxes, separators): the
   * wireframe the benchmark draws.
   */
  public static final String CHECKOUT_V2 =
      """
      @startsalt
      {+
        {* Northwind Shop | Cart | <b>Checkout | Account }
        ==
        {
          <b>Order summary | .
          Trail running shoes (x1) | €129.00
          Merino socks (x2) | €24.00
          Shipping | €4.95
          <b>Total | <b>€157.95
        }
        --
        {^"Pay with a saved card"
          (X) Visa ending 4242, expires 08/27 | [Edit]
          () Mastercard ending 5454, expires 01/26 | [Edit]
          () Use a new card | .
        }
        {^"New card"
          Name on card  | "Ana Lima              "
          Card number   | "4000 0000 0000 3220   "
          Expiry        | { "MM" | / | "YY" }
          Security code | "***"
          Country       | ^Portugal^
        }
        [X] Save this card for next time
        [] Make it my default card
        <i>Cards are stored by our payment provider; we never see the full number.
        --
        { [Back to cart] | . | . | [   Pay €157.95   ] }
      }
      @endsalt
      """;

  static final String WALLET =
      """
      @startsalt
      {+
        {* Northwind Shop | Cart | Checkout | <b>Account }
        ==
        <b>Saved cards
        {#
          <b>Card | <b>Expires | <b>Default | .
          Visa ending 4242 | 08/27 | (X) | [Remove]
          Mastercard ending 5454 | 01/26 | () | [Remove]
          Amex ending 0005 | 11/28 | () | [Remove]
        }
        <i>The Mastercard expires this month: update it to keep one-click checkout.
        --
        { [+ Add a card] | . | [Done] }
      }
      @endsalt
      """;

  @Override
  public void seed(DemoStory story) {
    String chk = story.checkout().slug();

    story.at(18, 2);
    Wireframe checkout = wireframes.create(story.chloe(), chk, CHECKOUT_TITLE, CHECKOUT_V1);
    story.at(17, 5);
    collaboration
        .comments()
        .add(
            story.ben(),
            checkout.item().key(),
            "Looks good. Can we show the order summary above the cards? Shoppers want to see the"
                + " total before they pick how to pay. Also, the CVC of a saved card is kept by"
                + " the provider, so we never ask for it again.");
    story.later(40);
    collaboration
        .comments()
        .add(
            story.femi(),
            checkout.item().key(),
            "+1 to the summary. Let's also say in plain words where the card is stored: it is"
                + " the first question in every interview. @chloe");
    story.at(16, 1);
    checkout =
        wireframes.update(
            story.chloe(), checkout.item().key(), checkout.version(), null, CHECKOUT_V2);
    collaboration
        .tags()
        .set(story.chloe(), checkout.item().key(), List.of("saved-cards", "design"));

    story.at(15, 4);
    Wireframe wallet = wireframes.create(story.chloe(), chk, WALLET_TITLE, WALLET);
    collaboration.tags().set(story.chloe(), wallet.item().key(), List.of("saved-cards"));
    collaboration
        .links()
        .add(story.chloe(), wallet.item().key(), checkout.item().key(), "relates-to");

    Optional<Item> feature = feature(story);
    story.at(14, 6);
    if (feature.isPresent()) {
      String key = feature.get().key();
      collaboration.links().add(story.chloe(), checkout.item().key(), key, "supports");
      collaboration.links().add(story.chloe(), wallet.item().key(), key, "supports");
      attachments.upload(story.chloe(), key, "saved-cards-flow.png", flowSketch());
    } else {
      // The work items of the story are not there (another seed's part): keep the sketch anyway.
      attachments.upload(
          story.chloe(), checkout.item().key(), "saved-cards-flow.png", flowSketch());
    }
  }

  private Optional<Item> feature(DemoStory story) {
    return items.find(story.ana(), FEATURE, 20).stream()
        .filter(i -> i.title().equals(FEATURE))
        .filter(i -> i.productId() != null && i.productId() == story.checkout().id())
        .filter(i -> !i.kind().equals(WireframeStore.KIND))
        .findFirst();
  }

  /** A small PNG of the saved-card flow: cart, checkout with a saved card, paid. */
  static byte[] flowSketch() {
    int width = 640;
    int height = 180;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      String[] steps = {"Cart", "Checkout: pick saved card", "Paid in one click"};
      Color accent = new Color(0x4f46e5);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
      for (int i = 0; i < steps.length; i++) {
        int x = 20 + i * 210;
        g.setColor(new Color(0xeef0ff));
        g.fillRoundRect(x, 60, 180, 60, 14, 14);
        g.setColor(accent);
        g.setStroke(new BasicStroke(2f));
        g.drawRoundRect(x, 60, 180, 60, 14, 14);
        g.setColor(new Color(0x1b1d23));
        int textWidth = g.getFontMetrics().stringWidth(steps[i]);
        g.drawString(steps[i], x + (180 - textWidth) / 2, 95);
        if (i < steps.length - 1) {
          g.setColor(accent);
          g.drawLine(x + 182, 90, x + 206, 90);
          g.fillPolygon(new int[] {x + 206, x + 198, x + 198}, new int[] {90, 85, 95}, 3);
        }
      }
      g.setColor(new Color(0x5b6170));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.drawString("One-click saved cards: the returning shopper's path (sketch, CHK)", 20, 30);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
