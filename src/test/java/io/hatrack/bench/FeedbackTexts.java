package io.hatrack.bench;

import io.hatrack.discovery.text.FeedbackText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic but feedback-like texts for the text benchmark: 16 topics, each with several phrasings
 * of its problem, mixed with openers, contexts, platforms, counts, product areas and closers drawn
 * from a seeded random source, so that the same seed gives the same texts.
 */
final class FeedbackTexts {
  private static final String[][] TOPICS = {
    {
      "please add a dark mode",
      "dark theme would help at night",
      "the white screen is too bright",
      "we need a dark mode option"
    },
    {
      "the CSV export drops the last row",
      "exporting invoices to CSV is broken",
      "export to Excel has wrong dates",
      "the invoice export times out"
    },
    {
      "SSO login with Okta fails",
      "single sign-on loops back to the login page",
      "cannot log in with SAML",
      "the SSO session expires too quickly"
    },
    {
      "search is very slow",
      "search results take forever to load",
      "searching for a customer times out",
      "search does not find older tickets"
    },
    {
      "the mobile app crashes on start",
      "the iPhone app closes when I open a photo",
      "Android app freezes after the update",
      "the app crashes when uploading files"
    },
    {
      "please add keyboard shortcuts",
      "shortcuts for moving cards would save time",
      "let me navigate with the keyboard",
      "a shortcut to create a new item"
    },
    {
      "notifications arrive twice",
      "email notifications are delayed by hours",
      "I get too many notification emails",
      "push notifications stopped working"
    },
    {
      "the pricing page is confusing",
      "the new plan is too expensive for small teams",
      "billing charged us twice this month",
      "invoices show the wrong currency"
    },
    {
      "the Salesforce integration stops syncing",
      "sync with HubSpot loses contacts",
      "the Slack integration posts to the wrong channel",
      "Jira sync creates duplicates"
    },
    {
      "the dashboard charts load slowly",
      "dashboards time out with large date ranges",
      "charts show wrong totals",
      "let us export dashboard charts as PNG"
    },
    {
      "permissions are too coarse",
      "we need read-only roles for guests",
      "admins cannot restrict who deletes projects",
      "role based access for each workspace"
    },
    {
      "the onboarding tour is too long",
      "new users get lost in the setup wizard",
      "onboarding emails are confusing",
      "the getting started checklist is unclear"
    },
    {
      "file uploads fail over 10 MB",
      "attachments disappear after upload",
      "drag and drop upload does not work in Firefox",
      "uploading images is slow"
    },
    {
      "the calendar view is missing",
      "please add a timeline view for projects",
      "the Gantt chart cannot show dependencies",
      "a calendar for due dates would help"
    },
    {
      "the API rate limit is too low",
      "the REST API returns 500 on large pages",
      "API docs are missing examples",
      "webhooks are not retried after failures"
    },
    {
      "the translation to German is incomplete",
      "French dates use the wrong format",
      "please support right-to-left languages",
      "Spanish translation has typos"
    },
  };
  private static final String[] OPENERS = {
    "",
    "",
    "",
    "Hi team, ",
    "Quick note: ",
    "Since the last update ",
    "Our admins say ",
    "Honestly, ",
    "FYI ",
    "Customer reports that ",
    "Again: ",
    "As discussed on the call, "
  };
  private static final String[] CONTEXTS = {
    "",
    "",
    " on Windows",
    " on the Mac app",
    " in Chrome",
    " for our EU workspace",
    " when we have more than %d users",
    " since version 4.%d",
    " in the %s page",
    " for the %s team",
    " every morning",
    " for about %d%% of our accounts"
  };
  private static final String[] AREAS = {
    "reports", "settings", "projects", "inbox", "roadmap", "billing", "admin", "home"
  };
  private static final String[] TEAMS = {
    "sales", "support", "finance", "marketing", "engineering", "design", "ops", "legal"
  };
  private static final String[] CLOSERS = {
    "",
    "",
    ".",
    ".",
    "!",
    " Please fix.",
    " This blocks our rollout.",
    " Thanks!",
    " Any update?",
    " It is really annoying.",
    " Love the product otherwise.",
    " Urgent."
  };

  private FeedbackTexts() {}

  static int topics() {
    return TOPICS.length;
  }

  /** {@code n} texts with ids 1..n; {@code topicOf[i]} receives the topic of text i if given. */
  static List<FeedbackText> generate(int n, long seed, int[] topicOf) {
    SplittableRandom r = new SplittableRandom(seed);
    List<FeedbackText> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int topic = r.nextInt(TOPICS.length);
      if (topicOf != null) {
        topicOf[i] = topic;
      }
      out.add(new FeedbackText(i + 1L, text(r, topic)));
    }
    return out;
  }

  static String text(SplittableRandom r, int topic) {
    String[] phrasings = TOPICS[topic];
    String problem = phrasings[r.nextInt(phrasings.length)];
    String context = CONTEXTS[r.nextInt(CONTEXTS.length)];
    if (context.contains("%d%%")) {
      context = String.format(context, 5 + r.nextInt(90));
    } else if (context.contains("%d")) {
      context = String.format(context, 2 + r.nextInt(500));
    } else if (context.contains("page")) {
      context = String.format(context, AREAS[r.nextInt(AREAS.length)]);
    } else if (context.contains("%s")) {
      context = String.format(context, TEAMS[r.nextInt(TEAMS.length)]);
    }
    String opener = OPENERS[r.nextInt(OPENERS.length)];
    String closer = CLOSERS[r.nextInt(CLOSERS.length)];
    String ticket = r.nextInt(4) == 0 ? " (ticket #" + (10_000 + r.nextInt(90_000)) + ")" : "";
    String body = opener.isEmpty() ? capitalise(problem) : opener + problem;
    return body + context + ticket + closer;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
