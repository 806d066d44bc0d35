package io.hatrack.discovery.customers;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import java.util.List;

/**
 * Northwind's customers in the demo story: merchants that take payments through Checkout, in three
 * segments, with their plans, tiers, revenue (most as ARR, the self-serve ones as MRR) and the
 * people the team talks to. Brightwave Retail, the enterprise merchant whose saved-card and 3-D
 * Secure complaints run through the definition hat's story, is the largest.
 */
public final class CustomersDemo implements DemoSeed {
  private final CustomerService customers;
  private final Collaboration collaboration;

  public CustomersDemo(CustomerService customers, Collaboration collaboration) {
    this.customers = customers;
    this.collaboration = collaboration;
  }

  /**
   * The demo customers, one a line: name, external id, segment, plan, tier, amount, period, domain,
   * then contacts as "name / role / e-mail" separated by semicolons.
   */
  private static final List<String> CUSTOMERS =
      List.of(
          "Brightwave Retail|CRM-1001|Enterprise|Enterprise|Strategic|480000|arr|brightwave.com|"
              + "Lena Fischer / VP Digital Commerce / lena.fischer@brightwave.com;"
              + "Marco Rossi / Head of Payments / marco.rossi@brightwave.com",
          "Harbor & Pine Outfitters|CRM-1002|Enterprise|Enterprise|Strategic|312500|arr|"
              + "harborpine.com|Grace Liu / Director of E-commerce / grace.liu@harborpine.com",
          "Meridian Travel Group|CRM-1003|Enterprise|Enterprise|Gold|265000|arr|meridiantravel.com|"
              + "Samir Haddad / Payments Product Owner / samir.haddad@meridiantravel.com;"
              + "Ines Duarte / Finance Operations / ines.duarte@meridiantravel.com",
          "Copperleaf Pharmacy|CRM-1004|Enterprise|Enterprise|Gold|198000|arr|copperleafrx.com|"
              + "Tom Becker / CTO / tom.becker@copperleafrx.com",
          "Luma Home Goods|CRM-2001|Mid-market|Growth|Gold|96000|arr|lumahome.co|"
              + "Priya Nair / Head of Online Store / priya@lumahome.co",
          "Kestrel Bikes|CRM-2002|Mid-market|Growth|Silver|72500|arr|kestrelbikes.com|"
              + "Jonas Berg / E-commerce Manager / jonas@kestrelbikes.com",
          "Orchard Street Books|CRM-2003|Mid-market|Growth|Silver|5400|mrr|orchardstreetbooks.com|"
              + "Amara Okoye / Operations Lead / amara@orchardstreetbooks.com",
          "Tidewater Coffee Roasters|CRM-2004|Mid-market|Growth|Silver|58000|arr|"
              + "tidewatercoffee.com|Diego Alvarez / Founder / diego@tidewatercoffee.com",
          "Northstar Fitness Clubs|CRM-2005|Mid-market|Growth|Gold|84000|arr|northstarfit.com|"
              + "Hannah Cole / Membership Systems / hannah.cole@northstarfit.com",
          "Pebble & Moss Studio|CRM-3001|SMB|Starter|Bronze|349|mrr|pebbleandmoss.com|"
              + "Chiara Bellini / Owner / chiara@pebbleandmoss.com",
          "Fable Kids|CRM-3002|SMB|Starter|Bronze|420|mrr|fablekids.shop|"
              + "Noah Williams / Co-founder / noah@fablekids.shop",
          "Greenline Bakery|CRM-3003|SMB|Starter|Bronze|189.50|mrr|greenlinebakery.com|"
              + "Sofia Marin / Owner / sofia@greenlinebakery.com",
          "Atlas Vintage Audio|CRM-3004|SMB|Pro|Silver|890|mrr|atlasvintage.audio|"
              + "Ravi Shah / Owner / ravi@atlasvintage.audio",
          "Blue Fern Florists|CRM-3005|SMB|Starter|Bronze|275|mrr|bluefern.flowers|",
          "Quarry Lane Ceramics|CRM-3006|SMB|Pro|Bronze|610|mrr|quarrylane.com|"
              + "Elif Demir / Studio Manager / elif@quarrylane.com");

  /** How many customers the demo adds. */
  static int count() {
    return CUSTOMERS.size();
  }

  @Override
  public void seed(DemoStory story) {
    String ws = story.workspace().slug();
    // Ana keeps the customer list; Dev (sales) is a commenter in the demo workspace.
    User ana = story.ana();
    int day = 40;
    for (String line : CUSTOMERS) {
      String[] f = line.split("\\|", -1);
      story.at(day, 2);
      day = Math.max(20, day - 1);
      Customer c =
          customers.create(
              ana,
              ws,
              CustomerDraft.of(f[0])
                  .withExternalId(f[1])
                  .in(f[2], f[3], f[4])
                  .paying(f[5], f[6])
                  .withDomain(f[7]));
      for (String contact : f[8].isEmpty() ? new String[0] : f[8].split(";")) {
        String[] p = contact.split(" / ");
        customers.addContact(ana, Long.toString(c.id()), new ContactDraft(p[0], p[2], p[1], null));
      }
      if (c.name().equals("Brightwave Retail")) {
        story.later(30);
        collaboration
            .comments()
            .add(
                story.eva(),
                Long.toString(c.id()),
                "17 tickets in 60 days about 3-D Secure challenges failing on Safari. @ana this is"
                    + " the account that asked about saved cards in the QBR, too.");
      }
    }
  }
}
