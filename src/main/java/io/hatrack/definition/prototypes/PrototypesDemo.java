package io.hatrack.definition.prototypes;

import io.hatrack.definition.prototypes.PrototypeService.HotspotInput;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The demo's prototype: Chloe's click-through of one-click saved cards on Checkout, three phone
 * screens drawn here as SVG (cart, checkout with the saved card, payment confirmed), linked to the
 * feature it shows (when the work items of the demo are there) and shared with a customer for an
 * interview.
 */
public final class PrototypesDemo implements DemoSeed {
  /** The title of the demo prototype. */
  public static final String TITLE = "One-click saved cards \u2013 checkout flow";

  private static final String FEATURE = "One-click saved cards";
  private static final int WIDTH = 390;
  private static final int HEIGHT = 844;

  private final PrototypeService prototypes;
  private final ItemService items;
  private final Collaboration collaboration;

  public PrototypesDemo(
      PrototypeService prototypes, ItemService items, Collaboration collaboration) {
    this.prototypes = prototypes;
    this.items = items;
    this.collaboration = collaboration;
  }

  @Override
  public void seed(DemoStory story) {
    User chloe = story.chloe();
    String checkout = story.checkout().slug();
    story.at(18, 5);
    Prototype p =
        prototypes.create(
            chloe,
            checkout,
            TITLE,
            "A returning shopper pays with the card saved on their last order: no card form, one"
                + " tap on Pay. Click the buttons to walk through it.");
    String key = p.key();
    story.later(20);
    Screen cart = prototypes.addImage(chloe, key, 1, "Cart", cart(), null).value();
    story.later(15);
    Screen pay =
        prototypes.addImage(chloe, key, 2, "Checkout with saved card", pay(), null).value();
    story.later(10);
    Screen done =
        prototypes.addImage(chloe, key, 3, "Payment confirmed", confirmed(), null).value();
    story.later(25);
    prototypes.addHotspot(chloe, key, 4, cart.id(), spot(24, 700, 342, 56, pay, "Checkout button"));
    prototypes.addHotspot(chloe, key, 5, pay.id(), spot(24, 700, 342, 56, done, "Pay button"));
    prototypes.addHotspot(chloe, key, 6, pay.id(), spot(8, 16, 96, 36, cart, "Back to cart"));
    prototypes.addHotspot(chloe, key, 7, done.id(), spot(24, 700, 342, 56, cart, "Back to shop"));

    feature(story).ifPresent(f -> collaboration.links().add(chloe, key, f.key(), "relates-to"));
    story.at(9, 3);
    prototypes.share(story.ana(), key, "Brightwave Retail interview");
  }

  private static HotspotInput spot(int x, int y, int w, int h, Screen target, String label) {
    return new HotspotInput(
        (double) x / WIDTH,
        (double) y / HEIGHT,
        (double) w / WIDTH,
        (double) h / HEIGHT,
        target.id(),
        label);
  }

  /** The feature the prototype shows, when the work items of the demo are there. */
  private Optional<Item> feature(DemoStory story) {
    return items.find(story.ana(), FEATURE, 20).stream()
        .filter(i -> i.title().equals(FEATURE))
        .filter(i -> i.productId() != null && i.productId() == story.checkout().id())
        .filter(i -> !i.kind().equals(PrototypeStore.KIND))
        .findFirst();
  }

  // ---- The screens, drawn as a designer's quick mock-ups ------------------------------------

  private static String frame(String title, String body) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + WIDTH
        + "\" height=\""
        + HEIGHT
        + "\" viewBox=\"0 0 "
        + WIDTH
        + " "
        + HEIGHT
        + "\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">"
        + "<rect width=\"390\" height=\"844\" fill=\"#f7f7f9\"/>"
        + "<rect width=\"390\" height=\"68\" fill=\"#1b1d23\"/>"
        + "<text x=\"195\" y=\"42\" fill=\"#ffffff\" font-size=\"18\" font-weight=\"700\""
        + " text-anchor=\"middle\">"
        + title
        + "</text>"
        + body
        + "</svg>";
  }

  private static String button(String label, String fill) {
    return "<rect x=\"24\" y=\"700\" width=\"342\" height=\"56\" rx=\"12\" fill=\""
        + fill
        + "\"/><text x=\"195\" y=\"735\" fill=\"#ffffff\" font-size=\"18\" font-weight=\"700\""
        + " text-anchor=\"middle\">"
        + label
        + "</text>";
  }

  private static String line(int y, String left, String right, boolean strong) {
    String weight = strong ? " font-weight=\"700\"" : "";
    return "<text x=\"24\" y=\""
        + y
        + "\" font-size=\"16\" fill=\"#1b1d23\""
        + weight
        + ">"
        + left
        + "</text><text x=\"366\" y=\""
        + y
        + "\" font-size=\"16\" fill=\"#1b1d23\" text-anchor=\"end\""
        + weight
        + ">"
        + right
        + "</text>";
  }

  private static String product(int y, String name, String detail, String price, String colour) {
    return "<rect x=\"16\" y=\""
        + y
        + "\" width=\"358\" height=\"96\" rx=\"12\" fill=\"#ffffff\" stroke=\"#e3e5ea\"/>"
        + "<rect x=\"32\" y=\""
        + (y + 16)
        + "\" width=\"64\" height=\"64\" rx=\"8\" fill=\""
        + colour
        + "\"/><text x=\"112\" y=\""
        + (y + 42)
        + "\" font-size=\"16\" font-weight=\"600\" fill=\"#1b1d23\">"
        + name
        + "</text><text x=\"112\" y=\""
        + (y + 66)
        + "\" font-size=\"14\" fill=\"#5b6170\">"
        + detail
        + "</text><text x=\"358\" y=\""
        + (y + 42)
        + "\" font-size=\"16\" font-weight=\"600\" fill=\"#1b1d23\" text-anchor=\"end\">"
        + price
        + "</text>";
  }

  static byte[] cart() {
    String body =
        "<text x=\"24\" y=\"120\" font-size=\"26\" font-weight=\"700\" fill=\"#1b1d23\">Your cart"
            + "</text>"
            + product(148, "Trail running shoes", "Size 42 \u00b7 Blue", "\u20ac64.00", "#8b93ff")
            + product(260, "Merino socks", "2 pairs", "\u20ac20.00", "#4fd08a")
            + line(420, "Subtotal", "\u20ac84.00", false)
            + line(452, "Shipping", "Free", false)
            + "<line x1=\"24\" y1=\"474\" x2=\"366\" y2=\"474\" stroke=\"#e3e5ea\"/>"
            + line(506, "Total", "\u20ac84.00", true)
            + button("Checkout", "#4f46e5");
    return bytes(frame("Northwind Shop", body));
  }

  static byte[] pay() {
    String body =
        "<text x=\"20\" y=\"42\" fill=\"#ffffff\" font-size=\"16\">\u2039 Cart</text>"
            + "<text x=\"24\" y=\"120\" font-size=\"26\" font-weight=\"700\" fill=\"#1b1d23\">"
            + "Checkout</text>"
            + "<text x=\"24\" y=\"164\" font-size=\"14\" fill=\"#5b6170\">SHIP TO</text>"
            + "<text x=\"24\" y=\"190\" font-size=\"16\" fill=\"#1b1d23\">Ana Lima, 12 Harbour"
            + " Street, Lisbon</text>"
            + "<text x=\"24\" y=\"246\" font-size=\"14\" fill=\"#5b6170\">PAY WITH</text>"
            + "<rect x=\"16\" y=\"262\" width=\"358\" height=\"84\" rx=\"12\" fill=\"#eef0ff\""
            + " stroke=\"#4f46e5\" stroke-width=\"2\"/>"
            + "<circle cx=\"44\" cy=\"304\" r=\"10\" fill=\"#ffffff\" stroke=\"#4f46e5\""
            + " stroke-width=\"2\"/><circle cx=\"44\" cy=\"304\" r=\"5\" fill=\"#4f46e5\"/>"
            + "<rect x=\"68\" y=\"288\" width=\"52\" height=\"32\" rx=\"6\" fill=\"#1a1f71\"/>"
            + "<text x=\"94\" y=\"310\" fill=\"#ffffff\" font-size=\"13\" font-weight=\"700\""
            + " text-anchor=\"middle\">VISA</text>"
            + "<text x=\"134\" y=\"300\" font-size=\"16\" font-weight=\"600\" fill=\"#1b1d23\">"
            + "\u2022\u2022\u2022\u2022 4242</text>"
            + "<text x=\"134\" y=\"324\" font-size=\"14\" fill=\"#5b6170\">Saved card \u00b7"
            + " expires 08/28</text>"
            + "<text x=\"24\" y=\"382\" font-size=\"15\" fill=\"#4f46e5\">+ Use another card</text>"
            + line(452, "Total", "\u20ac84.00", true)
            + "<text x=\"195\" y=\"676\" font-size=\"13\" fill=\"#5b6170\" text-anchor=\"middle\">"
            + "No card details to type: your saved card is used.</text>"
            + button("Pay \u20ac84.00", "#4f46e5");
    return bytes(frame("Checkout", body));
  }

  static byte[] confirmed() {
    String body =
        "<circle cx=\"195\" cy=\"300\" r=\"60\" fill=\"#e6f6ec\"/>"
            + "<path d=\"M165 300 l20 20 l40 -44\" fill=\"none\" stroke=\"#0f7a3d\""
            + " stroke-width=\"10\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
            + "<text x=\"195\" y=\"410\" font-size=\"26\" font-weight=\"700\" fill=\"#1b1d23\""
            + " text-anchor=\"middle\">Payment confirmed</text>"
            + "<text x=\"195\" y=\"446\" font-size=\"16\" fill=\"#5b6170\" text-anchor=\"middle\">"
            + "Order NW-10432 \u00b7 \u20ac84.00</text>"
            + "<text x=\"195\" y=\"472\" font-size=\"16\" fill=\"#5b6170\" text-anchor=\"middle\">"
            + "Charged to VISA \u2022\u2022\u2022\u2022 4242</text>"
            + button("Back to shop", "#0f7a3d");
    return bytes(frame("Northwind Shop", body));
  }

  private static byte[] bytes(String svg) {
    return svg.getBytes(StandardCharsets.UTF_8);
  }
}
