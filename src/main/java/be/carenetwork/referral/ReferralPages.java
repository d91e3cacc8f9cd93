package be.carenetwork.referral;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves /referral/ as its index page (Spring serves index.html by itself only at the root). */
@Configuration(proxyBeanMethods = false)
class ReferralPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/referral/").setViewName("forward:/referral/index.html");
        registry.addViewController("/referral").setViewName("redirect:/referral/");
    }
}
